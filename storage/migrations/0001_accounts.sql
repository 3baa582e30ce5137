-- Local logins. A candidate station has only candidates; a review station
-- also has reviewers and one admin (set up from the command line).
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT    NOT NULL UNIQUE,
    id_type       TEXT    NOT NULL,
    id_number     TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    phone         TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL DEFAULT 'candidate' CHECK (role IN ('candidate', 'reviewer', 'admin')),
    disabled      INTEGER NOT NULL DEFAULT 0,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  INTEGER NOT NULL DEFAULT 0, -- unix seconds
    created_at    INTEGER NOT NULL
);

-- Phones are unique among accounts that have one; reviewers may leave it blank.
CREATE UNIQUE INDEX accounts_phone ON accounts(phone) WHERE phone <> '';
