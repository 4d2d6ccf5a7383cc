-- qweek schema: links that can be shown again (issue 13), and the personal page's link.
--
-- A capability URL's secret is derived from a key kept in a file apart from the database
-- (core/link_key.c) and from what is stored here: this database's own random salt and the
-- link's generation. The database still keeps only the SHA-256 of each secret, so a copy of it
-- alone reveals no URL; a generation is never handed out twice, so a rotated or revoked URL
-- never comes back, not even after a feed is revoked and made again.
CREATE TABLE link_seed (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	salt BLOB NOT NULL CHECK (length(salt) = 16),
	last_gen INTEGER NOT NULL
);
INSERT INTO link_seed (id, salt, last_gen) VALUES (1, randomblob(16), 0);

-- NULL: a random secret made before this version, which cannot be shown again (rotate it).
ALTER TABLE feeds ADD COLUMN gen INTEGER;
ALTER TABLE status_pages ADD COLUMN gen INTEGER;

-- One personal page per person (never a group), reached at /me/<secret>.
CREATE TABLE person_pages (
	person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
	plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	gen INTEGER NOT NULL,
	secret_hash BLOB NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
	created INTEGER NOT NULL
);
CREATE INDEX person_pages_plan ON person_pages(plan_id);
