-- qweek schema: the status page's capability URL (issue 5).
-- One live status page per plan, reached at /status/<secret>. As for feeds, only the SHA-256 of
-- the secret is kept: the URL cannot be read back, and rotating it kills the old one for good.
CREATE TABLE status_pages (
	plan_id INTEGER PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
	secret_hash BLOB NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
	created INTEGER NOT NULL
);
