-- qweek schema, version 4: access tokens (issue 6).
-- A token lets one person of one plan use the TCP API with a role: planner (everything on the
-- plan), staff (read; done/reopen their own items), viewer (read). Only the SHA-256 of the
-- token is kept; `qweek person token` prints the token once. One live token per person.
CREATE TABLE tokens (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL UNIQUE REFERENCES people(id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('planner', 'staff', 'viewer')),
	token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),
	created INTEGER NOT NULL
);
CREATE INDEX tokens_plan ON tokens(plan_id);
