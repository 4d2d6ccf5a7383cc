-- qweek schema, version 1: plans, people and groups, items, assignments.
-- Instants are UTC seconds since the epoch (INTEGER). An item's written time is kept as text
-- in one of three forms: 'YYYY-MM-DDTHH:MM:SSZ' (an instant), 'YYYY-MM-DD' (a whole day in the
-- plan's zone), 'YYYY-MM' (a month, for month-precision deadlines).

CREATE TABLE plans (
	id INTEGER PRIMARY KEY,
	slug TEXT NOT NULL UNIQUE,
	title TEXT NOT NULL CHECK (title <> ''),
	org TEXT NOT NULL DEFAULT '',
	first_day TEXT NOT NULL,
	last_day TEXT NOT NULL CHECK (last_day >= first_day),
	tz TEXT NOT NULL,
	lang TEXT NOT NULL DEFAULT 'ru' CHECK (lang IN ('ru', 'uk', 'en')),
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL
);

-- People and groups share one name space within a plan; name_key is the case-folded name.
CREATE TABLE people (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	name TEXT NOT NULL CHECK (name <> ''),
	name_key TEXT NOT NULL,
	kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'group')),
	role TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL DEFAULT '',
	created INTEGER NOT NULL,
	UNIQUE (plan_id, name_key)
);

CREATE TABLE members (
	group_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	PRIMARY KEY (group_id, person_id)
) WITHOUT ROWID;
CREATE INDEX members_person ON members(person_id);

CREATE TABLE items (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	label TEXT NOT NULL DEFAULT '',
	sort_key TEXT NOT NULL,		-- the label with numbers zero-padded: natural order
	title TEXT NOT NULL CHECK (title <> ''),
	description TEXT NOT NULL DEFAULT '',
	place TEXT NOT NULL DEFAULT '',
	parent_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
	kind TEXT NOT NULL CHECK (kind IN ('event', 'span', 'deadline')),
	when_text TEXT NOT NULL,
	start_at TEXT,
	end_at TEXT,
	due_at TEXT,
	at INTEGER NOT NULL,		-- the moment people look at: the start, or the due moment
	late_after INTEGER NOT NULL,	-- open after this instant means overdue
	state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'cancelled')),
	done_at INTEGER,
	done_by TEXT,
	note TEXT,
	cancelled_at INTEGER,
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL,
	seq INTEGER NOT NULL DEFAULT 0	-- bumped on every change (iCalendar SEQUENCE)
);
CREATE INDEX items_plan_order ON items(plan_id, sort_key, id);
CREATE INDEX items_plan_label ON items(plan_id, label);

CREATE TABLE assignments (
	item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	PRIMARY KEY (item_id, person_id)
) WITHOUT ROWID;
CREATE INDEX assignments_person ON assignments(person_id);
