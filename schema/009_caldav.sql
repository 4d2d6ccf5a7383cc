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

-- What changed, for a CalDAV sync (RFC 6578): each item's latest change gets the next number,
-- so a sync token is a number and a sync after one change carries that one item. Kept by
-- triggers, so that no write path can forget it: every change of an item moves its seq.
CREATE TABLE dav_changes (
	rev INTEGER PRIMARY KEY AUTOINCREMENT,
	plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	item_id INTEGER NOT NULL UNIQUE REFERENCES items(id) ON DELETE CASCADE
);
CREATE INDEX dav_changes_plan ON dav_changes(plan_id, rev);
INSERT INTO dav_changes (plan_id, item_id) SELECT plan_id, id FROM items ORDER BY updated, id;
CREATE TRIGGER dav_changes_insert AFTER INSERT ON items BEGIN
	INSERT OR REPLACE INTO dav_changes (plan_id, item_id) VALUES (NEW.plan_id, NEW.id);
END;
CREATE TRIGGER dav_changes_update AFTER UPDATE OF seq, plan_id ON items BEGIN
	INSERT OR REPLACE INTO dav_changes (plan_id, item_id) VALUES (NEW.plan_id, NEW.id);
END;
