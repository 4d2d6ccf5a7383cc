-- qweek schema, version 3: reminders (issue 4).
--
-- Rules: a plan's (NULL columns: the defaults) and an item's own ('' = no reminders at all).
-- They are kept as people write them, in canonical form: '1d, 1h', '3d, 1d, 09:00', '09:00'.
CREATE TABLE remind_plan (
	plan_id INTEGER PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
	events TEXT,
	deadlines TEXT,
	overdue TEXT
);

CREATE TABLE remind_item (
	item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
	rules TEXT NOT NULL
);

-- The schedule: per item, the first reminder instant not yet handled (NULL: none to come),
-- computed from the item as it was at `seq`. Only this row's minimum arms the daemon's timer;
-- the reminders themselves are never materialised before they are due.
CREATE TABLE remind_next (
	item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
	plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	next_at INTEGER
);
CREATE INDEX remind_next_due ON remind_next(next_at) WHERE next_at IS NOT NULL;
CREATE INDEX remind_next_plan ON remind_next(plan_id, next_at);

-- Every reminder that came due, once per (item, person, rule, occurrence, channel): what was
-- sent, what is being retried, what was skipped and why. The unique key is what makes a
-- reminder go out once, across restarts. `occurrence` is the instant it was due; item_id is
-- NULL for `qweek remind test`. copy = 1: the director's copy of an overdue notice.
CREATE TABLE remind_log (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
	rule TEXT NOT NULL,
	occurrence INTEGER NOT NULL,
	channel TEXT NOT NULL CHECK (channel IN ('email', 'hook', 'none')),
	copy INTEGER NOT NULL DEFAULT 0,
	state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed', 'expired', 'skipped',
					     'cancelled', 'undeliverable')),
	reason TEXT NOT NULL DEFAULT '',
	attempts INTEGER NOT NULL DEFAULT 0,
	next_try INTEGER,
	created INTEGER NOT NULL,
	sent_at INTEGER,
	UNIQUE (item_id, person_id, rule, occurrence, channel)
);
CREATE INDEX remind_log_todo ON remind_log(next_try) WHERE state IN ('queued', 'failed');
CREATE INDEX remind_log_plan ON remind_log(plan_id, state, occurrence);
CREATE INDEX remind_log_item ON remind_log(item_id, person_id, channel);

-- Which items changed since the reminders last looked: a plan's items by `updated`.
CREATE INDEX remind_items_updated ON items(plan_id, updated);

-- The morning digest (optional, per person): on working days at at_local (seconds after local
-- midnight in the plan's zone), the person's events of the day, deadlines within three days and
-- overdue items. next_at: the next one not yet handled.
CREATE TABLE remind_digest (
	person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
	plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	at_local INTEGER NOT NULL CHECK (at_local >= 0 AND at_local < 86400),
	next_at INTEGER NOT NULL
);
CREATE INDEX remind_digest_due ON remind_digest(next_at);
-- A digest has no item: its once-only key is the person's, the day's and the channel's.
CREATE UNIQUE INDEX remind_log_digest ON remind_log(person_id, rule, occurrence, channel)
	WHERE item_id IS NULL AND rule = 'digest';
