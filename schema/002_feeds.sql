-- qweek schema, version 2: iCalendar feeds (issue 3).
-- A feed is a plan's calendar, whole (person_id NULL) or one person's or group's share of it,
-- reached at /feeds/<secret>.ics. Only the SHA-256 of the secret is kept: the URL cannot be
-- read back from the database, and rotating it (a new hash) makes the old URL dead for good.
CREATE TABLE feeds (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
	secret_hash BLOB NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
	created INTEGER NOT NULL
);
-- One live feed per plan and person (0 = the whole plan).
CREATE UNIQUE INDEX feeds_target ON feeds(plan_id, coalesce(person_id, 0));
