-- Records leave the machine: the station's identity, the outbox, the hub's
-- receipts, and decisions and events that name a reviewer by UUID and name
-- (a decision pulled from the hub has no local account behind it).

-- The station's kind now tells a kiosk from a home PC, and the station has a
-- UUID (what travels instead of local keys) and the hub it talks to.
CREATE TABLE station_new (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    kind        TEXT    NOT NULL CHECK (kind IN ('candidate', 'kiosk', 'review')),
    uuid        TEXT    NOT NULL,
    hub         TEXT    NOT NULL DEFAULT '',  -- https://… ; '' until told
    enrolled    INTEGER NOT NULL DEFAULT 0,   -- the hub knows the station's signing key
    draft_days  INTEGER NOT NULL DEFAULT 7,   -- a kiosk deletes drafts never submitted after this many days
    last_sync   INTEGER NOT NULL DEFAULT 0,   -- unix seconds of the last sync that reached the hub
    scrub       INTEGER NOT NULL DEFAULT 0,   -- a person was deleted: the files still need rewriting
    login_failures INTEGER NOT NULL DEFAULT 0,
    failures_since INTEGER NOT NULL DEFAULT 0,
    paused_until   INTEGER NOT NULL DEFAULT 0
);
INSERT INTO station_new (id, kind, login_failures, failures_since, paused_until, uuid)
SELECT id, kind, login_failures, failures_since, paused_until, lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
       substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
       substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
FROM station;
DROP TABLE station;
ALTER TABLE station_new RENAME TO station;

-- Versions and decisions waiting for the hub. A row is written in the same
-- transaction that submits or decides, so nothing submitted is forgotten.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    record_uuid TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('version', 'decision')),
    state       TEXT    NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'attention')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    next_at     INTEGER NOT NULL DEFAULT 0,  -- unix ms: not before
    error_code  TEXT    NOT NULL DEFAULT '',
    error_zh    TEXT    NOT NULL DEFAULT '',
    error_en    TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    sent_at     INTEGER,
    UNIQUE (record_uuid, version, kind)
);
CREATE INDEX outbox_due ON outbox(state, next_at, id);

-- What the hub said it holds. A kiosk keeps these after deleting the person.
CREATE TABLE receipts (
    record_uuid TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    sha256      TEXT    NOT NULL,
    code        TEXT    NOT NULL,       -- the short code shown at submission
    received_at INTEGER NOT NULL,       -- the hub's time, unix seconds
    PRIMARY KEY (record_uuid, version)
);
CREATE INDEX receipts_code ON receipts(code);

-- Where each feed was read up to: per person on a home PC, 'station' for a
-- review station.
CREATE TABLE feed_cursors (
    principal TEXT    PRIMARY KEY,
    cursor    INTEGER NOT NULL
);

-- A candidate's version from the hub (submitted on another PC) that came
-- while their record here had changes of its own since the last sync: kept
-- until they choose which copy to keep. Its images are linked to the record.
CREATE TABLE incoming (
    record_uuid TEXT    PRIMARY KEY,
    version     TEXT    NOT NULL,  -- the wire.Version as JSON
    cursor      INTEGER NOT NULL,
    principal   TEXT    NOT NULL,
    at          INTEGER NOT NULL
);

-- A home PC's candidate who chose 保存草稿到服务器: their unsubmitted record
-- is also kept on the hub, so they can go on at another PC. sent_version is
-- the version of the record last sent as a draft.
CREATE TABLE hub_drafts (
    account_id   INTEGER PRIMARY KEY REFERENCES accounts(id),
    sent_version INTEGER NOT NULL DEFAULT 0
);

-- While one person's data is being deleted (Store.DeletePerson), its
-- records are listed here; the guards below let exactly those rows go.
-- The function empties it before its transaction commits.
CREATE TABLE erasing (record_id INTEGER PRIMARY KEY);

-- Decisions name their reviewer by UUID and name; a decision pulled from
-- the hub has no local reviewer account (reviewer_id NULL).
DROP TRIGGER decisions_immutable;
DROP TRIGGER decisions_kept;
CREATE TABLE decisions_new (
    id            INTEGER PRIMARY KEY,
    record_id     INTEGER NOT NULL REFERENCES records(id),
    version       INTEGER NOT NULL,
    reviewer_id   INTEGER REFERENCES accounts(id),
    reviewer_uuid TEXT    NOT NULL,
    reviewer_name TEXT    NOT NULL,
    pass          INTEGER NOT NULL,
    reasons       TEXT    NOT NULL DEFAULT '',
    comment       TEXT    NOT NULL DEFAULT '',
    realname      TEXT    NOT NULL,
    at            INTEGER NOT NULL,
    UNIQUE (record_id, version)
);
INSERT INTO decisions_new (id, record_id, version, reviewer_id, reviewer_uuid, reviewer_name, pass, reasons, comment, realname, at)
SELECT d.id, d.record_id, d.version, d.reviewer_id, a.uuid, a.name, d.pass, d.reasons, d.comment, d.realname, d.at
FROM decisions d JOIN accounts a ON a.id = d.reviewer_id;
DROP TABLE decisions;
ALTER TABLE decisions_new RENAME TO decisions;
CREATE TRIGGER decisions_immutable BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are immutable'); END;
CREATE TRIGGER decisions_kept BEFORE DELETE ON decisions
WHEN NOT EXISTS (SELECT 1 FROM erasing WHERE record_id = OLD.record_id)
BEGIN SELECT RAISE(ABORT, 'decisions are immutable'); END;

-- Events likewise: actor_id is NULL for a decision applied from the hub, and
-- actor_uuid/actor_name say who it was.
DROP TRIGGER events_append_only;
DROP TRIGGER events_kept;
CREATE TABLE events_new (
    id         INTEGER PRIMARY KEY,
    record_id  INTEGER NOT NULL REFERENCES records(id),
    version    INTEGER NOT NULL,
    actor_id   INTEGER REFERENCES accounts(id),
    actor_uuid TEXT    NOT NULL DEFAULT '',
    actor_name TEXT    NOT NULL DEFAULT '',
    kind       TEXT    NOT NULL,
    path       TEXT    NOT NULL DEFAULT '',
    old        TEXT,
    new        TEXT,
    at         INTEGER NOT NULL
);
INSERT INTO events_new (id, record_id, version, actor_id, actor_uuid, actor_name, kind, path, old, new, at)
SELECT e.id, e.record_id, e.version, e.actor_id, a.uuid, a.name, e.kind, e.path, e.old, e.new, e.at
FROM events e JOIN accounts a ON a.id = e.actor_id;
DROP INDEX events_record;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_record ON events(record_id, id);
CREATE TRIGGER events_append_only BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_kept BEFORE DELETE ON events
WHEN NOT EXISTS (SELECT 1 FROM erasing WHERE record_id = OLD.record_id)
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

DROP TRIGGER snapshots_kept;
CREATE TRIGGER snapshots_kept BEFORE DELETE ON snapshots
WHEN NOT EXISTS (SELECT 1 FROM erasing WHERE record_id = OLD.record_id)
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;

-- A station upgraded from before the outbox sends what it submitted then.
-- Only candidate stations: a review station's records were judged locally.
INSERT INTO outbox (record_uuid, version, kind, created_at)
SELECT r.uuid, s.version, 'version', s.created_at * 1000
FROM snapshots s JOIN records r ON r.id = s.record_id
WHERE (SELECT kind FROM station WHERE id = 1) = 'candidate'
ORDER BY s.created_at, s.version;
