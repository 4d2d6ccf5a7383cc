-- qweek schema: CalDAV logins and app passwords (issue 16).
--
-- A person's CalDAV login is made once, from the name and the id, and kept: ASCII (clients
-- encode Basic credentials as Latin-1), unique in the whole database (names are unique only
-- within a plan), and the same after a rename.
CREATE TABLE dav_logins (
	person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
	login TEXT NOT NULL UNIQUE
);

-- App passwords a person makes on their own page for a phone's task app: shown once, only
-- their SHA-256 kept (they are 256 random bits: no slow hash needed), several per person,
-- each revocable there.
CREATE TABLE app_passwords (
	id INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	label TEXT NOT NULL,
	hash BLOB NOT NULL UNIQUE CHECK (length(hash) = 32),
	created INTEGER NOT NULL
);
CREATE INDEX app_passwords_person ON app_passwords(person_id);
