-- A collection record is one JSON document (domain.Record) per person: it is
-- read, judged, snapshotted and synced as a unit. The columns beside it are
-- what queues and searches filter on.
CREATE TABLE records (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT    NOT NULL UNIQUE,
    owner_id      INTEGER NOT NULL UNIQUE REFERENCES accounts(id),
    version       INTEGER NOT NULL,
    status        TEXT    NOT NULL,
    department    TEXT    NOT NULL DEFAULT '', -- most specific division code chosen
    data          TEXT    NOT NULL,            -- the working copy
    approved_data TEXT,                        -- the version in force once approved (a change draft sits in data)
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    submitted_at  INTEGER
);
CREATE INDEX records_queue ON records(status, department, submitted_at);

-- What was submitted, exactly: the reviewer judges a snapshot, and a decision
-- names its version.
CREATE TABLE snapshots (
    record_id  INTEGER NOT NULL REFERENCES records(id),
    version    INTEGER NOT NULL,
    data       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (record_id, version)
);
CREATE TRIGGER snapshots_immutable BEFORE UPDATE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshots_kept BEFORE DELETE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;

-- Uploaded images, stored once per content (SHA-256), with their facts.
CREATE TABLE attachments (
    sha256     TEXT    PRIMARY KEY,
    kind       TEXT    NOT NULL,
    mime       TEXT    NOT NULL,
    bytes      INTEGER NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    data       BLOB    NOT NULL,
    created_at INTEGER NOT NULL
);

-- Which record may read which image: access follows the record.
CREATE TABLE record_attachments (
    record_id INTEGER NOT NULL REFERENCES records(id),
    sha256    TEXT    NOT NULL REFERENCES attachments(sha256),
    PRIMARY KEY (record_id, sha256)
);

-- Append-only audit: every saved field change and every transition.
CREATE TABLE events (
    id        INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES records(id),
    version   INTEGER NOT NULL,
    actor_id  INTEGER NOT NULL REFERENCES accounts(id),
    kind      TEXT    NOT NULL, -- created, field, submitted, …
    path      TEXT    NOT NULL DEFAULT '',
    old       TEXT,
    new       TEXT,
    at        INTEGER NOT NULL
);
CREATE INDEX events_record ON events(record_id, id);
CREATE TRIGGER events_append_only BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_kept BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
