-- What kind of station this database is: 'candidate' (home PC or kiosk, the
-- default) or 'review' (set up with `caiji admin init`).
CREATE TABLE station (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    kind TEXT NOT NULL CHECK (kind IN ('candidate', 'review'))
);
INSERT INTO station (id, kind) VALUES (1, 'candidate');

-- The 会计管理部门 (division codes) each reviewer reviews for.
CREATE TABLE reviewer_departments (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    department TEXT    NOT NULL,
    PRIMARY KEY (account_id, department)
);

-- A reviewer's decision on one submitted version. Immutable once saved.
CREATE TABLE decisions (
    id          INTEGER PRIMARY KEY,
    record_id   INTEGER NOT NULL REFERENCES records(id),
    version     INTEGER NOT NULL,             -- the snapshot judged
    reviewer_id INTEGER NOT NULL REFERENCES accounts(id),
    pass        INTEGER NOT NULL,
    reasons     TEXT    NOT NULL DEFAULT '',  -- R-codes, comma-separated
    comment     TEXT    NOT NULL DEFAULT '',
    realname    TEXT    NOT NULL,             -- verified or failed
    at          INTEGER NOT NULL,
    UNIQUE (record_id, version)
);
CREATE TRIGGER decisions_immutable BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are immutable'); END;
CREATE TRIGGER decisions_kept BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are immutable'); END;

-- Queue searches by the candidate's name, ID number or phone.
CREATE INDEX accounts_name ON accounts(name);

-- The queue reads only these columns: a covering index spares it the
-- record documents (kilobytes each) of every row it sorts.
DROP INDEX records_queue;
CREATE INDEX records_queue ON records(status, department, submitted_at, id, uuid, version, owner_id);
