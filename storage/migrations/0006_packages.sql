-- .caiji packages: records and decisions that travel on a USB stick between
-- a station that never goes online and its department's review station.

-- On a kiosk (or any candidate station that exports): the age recipient
-- (age1…) of the department each accounting-management-department code's
-- submissions go to. One recipient may serve several codes.
CREATE TABLE package_recipients (
    department TEXT    PRIMARY KEY,
    recipient  TEXT    NOT NULL,
    added_at   INTEGER NOT NULL
);

-- Stations whose packages this station's administrator accepted: the
-- signing key (base64 ed25519) their packages must be signed with, and the
-- recipient the answer is encrypted to (from their latest package).
CREATE TABLE package_stations (
    uuid        TEXT    PRIMARY KEY,
    signing_key TEXT    NOT NULL,
    recipient   TEXT    NOT NULL,
    accepted_at INTEGER NOT NULL
);

-- On a review station: the station each version came from in a package,
-- so its decision goes back to that station.
CREATE TABLE package_versions (
    record_uuid TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    station     TEXT    NOT NULL,
    imported_at INTEGER NOT NULL,
    PRIMARY KEY (record_uuid, version)
);
CREATE INDEX package_versions_station ON package_versions(station);
