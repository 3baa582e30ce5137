-- A password someone else chose (the admin, for a new reviewer) must be
-- replaced at first sign-in: until then the account may do nothing else.
ALTER TABLE accounts ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
