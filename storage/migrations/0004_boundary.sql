-- Storage is the boundary: it measures images itself, throttles logins
-- station-wide and keeps every time in one unit.

-- The photo checker's soft findings (P7 background), measured by storage
-- when it stores an image. NULL: stored before storage measured them; the
-- record's own copy is kept for those.
ALTER TABLE attachments ADD COLUMN warnings TEXT;

-- Failed logins of the whole station (domain.StationThrottle), unix seconds.
ALTER TABLE station ADD COLUMN login_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE station ADD COLUMN failures_since INTEGER NOT NULL DEFAULT 0;
ALTER TABLE station ADD COLUMN paused_until   INTEGER NOT NULL DEFAULT 0;

-- events.at was in milliseconds, every other time in seconds: one unit.
-- The log is append-only; only this migration lifts the guard, in its own
-- transaction, and puts it back.
DROP TRIGGER events_append_only;
UPDATE events SET at = at / 1000;
CREATE TRIGGER events_append_only BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
