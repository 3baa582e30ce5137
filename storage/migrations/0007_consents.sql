-- What each person agreed to before Caiji collected their information
-- (PIPL art. 14, 29): which notice, the digest of the text they were shown,
-- and when. A changed notice text has a new digest, so it is asked again.
-- Accounts from before this table have no rows: they are asked at their
-- next sign-in, before anything more is collected.
CREATE TABLE consents (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    notice     TEXT    NOT NULL CHECK (notice IN ('personal', 'sensitive')),
    digest     TEXT    NOT NULL,
    at         INTEGER NOT NULL, -- unix seconds
    PRIMARY KEY (account_id, notice, digest)
);
