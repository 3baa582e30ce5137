-- The hub's first schema (SQLite). Times are Unix milliseconds. The
-- PostgreSQL file beside this one holds the same tables.

-- +goose Up
CREATE TABLE departments (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE stations (
    uuid          TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('kiosk', 'review')),
    public_key    BLOB,
    enrol_code    TEXT UNIQUE,
    enrol_expires BIGINT NOT NULL,
    created_at    BIGINT NOT NULL,
    disabled_at   BIGINT
);

CREATE TABLE station_departments (
    station    TEXT NOT NULL REFERENCES stations (uuid),
    department TEXT NOT NULL REFERENCES departments (code),
    PRIMARY KEY (station, department)
);

CREATE TABLE persons (
    uuid          TEXT PRIMARY KEY,
    id_type       TEXT NOT NULL,
    id_number     TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    phone         TEXT UNIQUE,
    password_hash TEXT NOT NULL,
    failures      INTEGER NOT NULL DEFAULT 0,
    locked_until  BIGINT NOT NULL DEFAULT 0,
    kiosk         TEXT REFERENCES stations (uuid),
    created_at    BIGINT NOT NULL,
    disabled_at   BIGINT
);

CREATE TABLE tokens (
    hash       TEXT PRIMARY KEY,
    person     TEXT NOT NULL REFERENCES persons (uuid),
    station    TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX tokens_person ON tokens (person);

CREATE TABLE blobs (
    digest     TEXT PRIMARY KEY,
    data       BLOB NOT NULL,
    mime       TEXT NOT NULL,
    bytes      INTEGER NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    warnings   TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE blob_uploads (
    digest   TEXT NOT NULL REFERENCES blobs (digest),
    uploader TEXT NOT NULL,
    PRIMARY KEY (digest, uploader)
);

CREATE TABLE records (
    uuid       TEXT PRIMARY KEY,
    person     TEXT NOT NULL REFERENCES persons (uuid),
    department TEXT NOT NULL,
    status     TEXT NOT NULL,
    latest     INTEGER NOT NULL,
    awaiting   INTEGER,
    updated_at BIGINT NOT NULL
);
CREATE INDEX records_person ON records (person);

CREATE TABLE versions (
    record      TEXT NOT NULL REFERENCES records (uuid),
    n           INTEGER NOT NULL,
    base        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    document    BLOB NOT NULL,
    person      TEXT NOT NULL,
    station     TEXT NOT NULL,
    department  TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (record, n)
);

CREATE TABLE version_blobs (
    record TEXT NOT NULL,
    n      INTEGER NOT NULL,
    digest TEXT NOT NULL REFERENCES blobs (digest),
    PRIMARY KEY (record, n, digest),
    FOREIGN KEY (record, n) REFERENCES versions (record, n)
);
CREATE INDEX version_blobs_digest ON version_blobs (digest);

CREATE TABLE drafts (
    record     TEXT PRIMARY KEY,
    person     TEXT NOT NULL REFERENCES persons (uuid),
    document   BLOB NOT NULL,
    sha256     TEXT NOT NULL,
    blobs      TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE decisions (
    record             TEXT NOT NULL,
    n                  INTEGER NOT NULL,
    verdict            TEXT NOT NULL CHECK (verdict IN ('pass', 'reject')),
    reasons            TEXT NOT NULL,
    comment            TEXT NOT NULL,
    reviewer_uuid      TEXT NOT NULL,
    reviewer_name      TEXT NOT NULL,
    reviewer_id_number TEXT NOT NULL,
    station            TEXT NOT NULL,
    at                 BIGINT NOT NULL,
    received_at        BIGINT NOT NULL,
    PRIMARY KEY (record, n),
    FOREIGN KEY (record, n) REFERENCES versions (record, n)
);

CREATE TABLE feed (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    record     TEXT NOT NULL,
    n          INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('version', 'decision')),
    person     TEXT NOT NULL,
    department TEXT NOT NULL
);
CREATE INDEX feed_person ON feed (person, id);
CREATE INDEX feed_department ON feed (department, id);

CREATE TABLE refdata (
    version    INTEGER PRIMARY KEY,
    payload    BLOB NOT NULL,
    signature  BLOB NOT NULL,
    created_at BIGINT NOT NULL
);

-- +goose Down
DROP TABLE refdata;
DROP TABLE feed;
DROP TABLE decisions;
DROP TABLE drafts;
DROP TABLE version_blobs;
DROP TABLE versions;
DROP TABLE records;
DROP TABLE blob_uploads;
DROP TABLE blobs;
DROP TABLE tokens;
DROP TABLE persons;
DROP TABLE station_departments;
DROP TABLE stations;
DROP TABLE departments;
