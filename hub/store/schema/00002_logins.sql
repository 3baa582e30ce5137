-- One login string names one person. ID numbers and mobiles share one
-- namespace, so a passport number that is someone's mobile (or the reverse)
-- is refused by the database at registration instead of being resolved by a
-- guess at every sign-in. Existing persons keep their ID number first.
CREATE TABLE logins (
    name   TEXT PRIMARY KEY,
    person TEXT NOT NULL REFERENCES persons (uuid)
);
INSERT INTO logins (name, person) SELECT id_number, uuid FROM persons WHERE id_number <> '' ON CONFLICT DO NOTHING;
INSERT INTO logins (name, person) SELECT phone, uuid FROM persons WHERE phone IS NOT NULL ON CONFLICT DO NOTHING;
