-- qweek schema: the history of changes (issue 14).
--
-- Every change to a plan (one write transaction through store/plan_write.c) is one row of
-- `changes`: who made it, when, through which channel. What it did is kept row by row in
-- `change_rows`, as JSON of each row before and after, written by the triggers below in the
-- same transaction as the change itself: no write path can forget it, and whatever another
-- part of qweekd writes to these tables later is recorded without being told to.
--
-- The triggers record only while `change_now` names a change (plan_write_begin sets it,
-- plan_write_commit clears it): the reminders' bookkeeping and the migrations are not history.
CREATE TABLE changes (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL,
	at INTEGER NOT NULL,
	by TEXT NOT NULL,
	via TEXT NOT NULL,
	undoes INTEGER		-- the change this one reverted (qweek undo), else NULL
);
CREATE INDEX changes_plan ON changes(plan_id, id);
CREATE INDEX changes_undoes ON changes(undoes) WHERE undoes IS NOT NULL;

CREATE TABLE change_rows (
	id INTEGER PRIMARY KEY,
	change_id INTEGER NOT NULL,
	tbl TEXT NOT NULL,
	row_key TEXT NOT NULL,	-- the row's key: '12', or '3:5' for a pair (members, assignments)
	item_id INTEGER,	-- the item the row is about, for `qweek history REF`
	before TEXT,		-- JSON; NULL: the row was inserted
	after TEXT		-- JSON; NULL: the row was deleted
);
CREATE INDEX change_rows_change ON change_rows(change_id);
CREATE INDEX change_rows_row ON change_rows(tbl, row_key, change_id);
CREATE INDEX change_rows_item ON change_rows(item_id, change_id) WHERE item_id IS NOT NULL;

CREATE TABLE change_now (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	change_id INTEGER
);
INSERT INTO change_now (id, change_id) VALUES (1, NULL);

-- A plan deleted takes its history with it (its id may be given to a new plan).
CREATE TRIGGER plans_history_gone AFTER DELETE ON plans BEGIN
	DELETE FROM change_rows WHERE change_id IN (SELECT id FROM changes WHERE plan_id = OLD.id);
	DELETE FROM changes WHERE plan_id = OLD.id;
END;

CREATE TRIGGER plans_history_ins AFTER INSERT ON plans
WHEN (SELECT change_id FROM change_now) IS NOT NULL BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'plans', NEW.id, NULL, NULL,
	       json_object('id', NEW.id, 'slug', NEW.slug, 'title', NEW.title, 'org', NEW.org, 'first_day', NEW.first_day, 'last_day', NEW.last_day, 'tz', NEW.tz, 'lang', NEW.lang, 'created', NEW.created, 'updated', NEW.updated)
	FROM change_now;
END;
CREATE TRIGGER plans_history_upd AFTER UPDATE ON plans
WHEN (SELECT change_id FROM change_now) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.slug IS NOT NEW.slug OR OLD.title IS NOT NEW.title OR OLD.org IS NOT NEW.org OR OLD.first_day IS NOT NEW.first_day OR OLD.last_day IS NOT NEW.last_day OR OLD.tz IS NOT NEW.tz OR OLD.lang IS NOT NEW.lang OR OLD.created IS NOT NEW.created) BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'plans', NEW.id, NULL,
	       json_object('id', OLD.id, 'slug', OLD.slug, 'title', OLD.title, 'org', OLD.org, 'first_day', OLD.first_day, 'last_day', OLD.last_day, 'tz', OLD.tz, 'lang', OLD.lang, 'created', OLD.created, 'updated', OLD.updated),
	       json_object('id', NEW.id, 'slug', NEW.slug, 'title', NEW.title, 'org', NEW.org, 'first_day', NEW.first_day, 'last_day', NEW.last_day, 'tz', NEW.tz, 'lang', NEW.lang, 'created', NEW.created, 'updated', NEW.updated)
	FROM change_now;
END;
CREATE TRIGGER plans_history_del AFTER DELETE ON plans
WHEN (SELECT change_id FROM change_now) IS NOT NULL BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'plans', OLD.id, NULL,
	       json_object('id', OLD.id, 'slug', OLD.slug, 'title', OLD.title, 'org', OLD.org, 'first_day', OLD.first_day, 'last_day', OLD.last_day, 'tz', OLD.tz, 'lang', OLD.lang, 'created', OLD.created, 'updated', OLD.updated), NULL
	FROM change_now;
END;

CREATE TRIGGER people_history_ins AFTER INSERT ON people
WHEN (SELECT change_id FROM change_now) IS NOT NULL BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'people', NEW.id, NULL, NULL,
	       json_object('id', NEW.id, 'plan_id', NEW.plan_id, 'name', NEW.name, 'name_key', NEW.name_key, 'kind', NEW.kind, 'role', NEW.role, 'email', NEW.email, 'created', NEW.created)
	FROM change_now;
END;
CREATE TRIGGER people_history_upd AFTER UPDATE ON people
WHEN (SELECT change_id FROM change_now) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.plan_id IS NOT NEW.plan_id OR OLD.name IS NOT NEW.name OR OLD.name_key IS NOT NEW.name_key OR OLD.kind IS NOT NEW.kind OR OLD.role IS NOT NEW.role OR OLD.email IS NOT NEW.email OR OLD.created IS NOT NEW.created) BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'people', NEW.id, NULL,
	       json_object('id', OLD.id, 'plan_id', OLD.plan_id, 'name', OLD.name, 'name_key', OLD.name_key, 'kind', OLD.kind, 'role', OLD.role, 'email', OLD.email, 'created', OLD.created),
	       json_object('id', NEW.id, 'plan_id', NEW.plan_id, 'name', NEW.name, 'name_key', NEW.name_key, 'kind', NEW.kind, 'role', NEW.role, 'email', NEW.email, 'created', NEW.created)
	FROM change_now;
END;
CREATE TRIGGER people_history_del AFTER DELETE ON people
WHEN (SELECT change_id FROM change_now) IS NOT NULL BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'people', OLD.id, NULL,
	       json_object('id', OLD.id, 'plan_id', OLD.plan_id, 'name', OLD.name, 'name_key', OLD.name_key, 'kind', OLD.kind, 'role', OLD.role, 'email', OLD.email, 'created', OLD.created), NULL
	FROM change_now;
END;

CREATE TRIGGER members_history_ins AFTER INSERT ON members
WHEN (SELECT change_id FROM change_now) IS NOT NULL BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'members', NEW.group_id || ':' || NEW.person_id, NULL, NULL,
	       json_object('group_id', NEW.group_id, 'person_id', NEW.person_id)
	FROM change_now;
END;
CREATE TRIGGER members_history_upd AFTER UPDATE ON members
WHEN (SELECT change_id FROM change_now) IS NOT NULL AND (OLD.group_id IS NOT NEW.group_id OR OLD.person_id IS NOT NEW.person_id) BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'members', NEW.group_id || ':' || NEW.person_id, NULL,
	       json_object('group_id', OLD.group_id, 'person_id', OLD.person_id),
	       json_object('group_id', NEW.group_id, 'person_id', NEW.person_id)
	FROM change_now;
END;
CREATE TRIGGER members_history_del AFTER DELETE ON members
WHEN (SELECT change_id FROM change_now) IS NOT NULL BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'members', OLD.group_id || ':' || OLD.person_id, NULL,
	       json_object('group_id', OLD.group_id, 'person_id', OLD.person_id), NULL
	FROM change_now;
END;

CREATE TRIGGER items_history_ins AFTER INSERT ON items
WHEN (SELECT change_id FROM change_now) IS NOT NULL BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'items', NEW.id, NEW.id, NULL,
	       json_object('id', NEW.id, 'plan_id', NEW.plan_id, 'label', NEW.label, 'sort_key', NEW.sort_key, 'title', NEW.title, 'description', NEW.description, 'place', NEW.place, 'parent_id', NEW.parent_id, 'kind', NEW.kind, 'when_text', NEW.when_text, 'start_at', NEW.start_at, 'end_at', NEW.end_at, 'due_at', NEW.due_at, 'at', NEW.at, 'late_after', NEW.late_after, 'state', NEW.state, 'done_at', NEW.done_at, 'done_by', NEW.done_by, 'note', NEW.note, 'cancelled_at', NEW.cancelled_at, 'created', NEW.created, 'updated', NEW.updated, 'seq', NEW.seq)
	FROM change_now;
END;
CREATE TRIGGER items_history_upd AFTER UPDATE ON items
WHEN (SELECT change_id FROM change_now) IS NOT NULL AND (OLD.id IS NOT NEW.id OR OLD.plan_id IS NOT NEW.plan_id OR OLD.label IS NOT NEW.label OR OLD.sort_key IS NOT NEW.sort_key OR OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description OR OLD.place IS NOT NEW.place OR OLD.parent_id IS NOT NEW.parent_id OR OLD.kind IS NOT NEW.kind OR OLD.when_text IS NOT NEW.when_text OR OLD.start_at IS NOT NEW.start_at OR OLD.end_at IS NOT NEW.end_at OR OLD.due_at IS NOT NEW.due_at OR OLD.at IS NOT NEW.at OR OLD.late_after IS NOT NEW.late_after OR OLD.state IS NOT NEW.state OR OLD.done_at IS NOT NEW.done_at OR OLD.done_by IS NOT NEW.done_by OR OLD.note IS NOT NEW.note OR OLD.cancelled_at IS NOT NEW.cancelled_at OR OLD.created IS NOT NEW.created) BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'items', NEW.id, NEW.id,
	       json_object('id', OLD.id, 'plan_id', OLD.plan_id, 'label', OLD.label, 'sort_key', OLD.sort_key, 'title', OLD.title, 'description', OLD.description, 'place', OLD.place, 'parent_id', OLD.parent_id, 'kind', OLD.kind, 'when_text', OLD.when_text, 'start_at', OLD.start_at, 'end_at', OLD.end_at, 'due_at', OLD.due_at, 'at', OLD.at, 'late_after', OLD.late_after, 'state', OLD.state, 'done_at', OLD.done_at, 'done_by', OLD.done_by, 'note', OLD.note, 'cancelled_at', OLD.cancelled_at, 'created', OLD.created, 'updated', OLD.updated, 'seq', OLD.seq),
	       json_object('id', NEW.id, 'plan_id', NEW.plan_id, 'label', NEW.label, 'sort_key', NEW.sort_key, 'title', NEW.title, 'description', NEW.description, 'place', NEW.place, 'parent_id', NEW.parent_id, 'kind', NEW.kind, 'when_text', NEW.when_text, 'start_at', NEW.start_at, 'end_at', NEW.end_at, 'due_at', NEW.due_at, 'at', NEW.at, 'late_after', NEW.late_after, 'state', NEW.state, 'done_at', NEW.done_at, 'done_by', NEW.done_by, 'note', NEW.note, 'cancelled_at', NEW.cancelled_at, 'created', NEW.created, 'updated', NEW.updated, 'seq', NEW.seq)
	FROM change_now;
END;
CREATE TRIGGER items_history_del AFTER DELETE ON items
WHEN (SELECT change_id FROM change_now) IS NOT NULL BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'items', OLD.id, OLD.id,
	       json_object('id', OLD.id, 'plan_id', OLD.plan_id, 'label', OLD.label, 'sort_key', OLD.sort_key, 'title', OLD.title, 'description', OLD.description, 'place', OLD.place, 'parent_id', OLD.parent_id, 'kind', OLD.kind, 'when_text', OLD.when_text, 'start_at', OLD.start_at, 'end_at', OLD.end_at, 'due_at', OLD.due_at, 'at', OLD.at, 'late_after', OLD.late_after, 'state', OLD.state, 'done_at', OLD.done_at, 'done_by', OLD.done_by, 'note', OLD.note, 'cancelled_at', OLD.cancelled_at, 'created', OLD.created, 'updated', OLD.updated, 'seq', OLD.seq), NULL
	FROM change_now;
END;

CREATE TRIGGER assignments_history_ins AFTER INSERT ON assignments
WHEN (SELECT change_id FROM change_now) IS NOT NULL BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'assignments', NEW.item_id || ':' || NEW.person_id, NEW.item_id, NULL,
	       json_object('item_id', NEW.item_id, 'person_id', NEW.person_id, 'position', NEW.position)
	FROM change_now;
END;
CREATE TRIGGER assignments_history_upd AFTER UPDATE ON assignments
WHEN (SELECT change_id FROM change_now) IS NOT NULL AND (OLD.item_id IS NOT NEW.item_id OR OLD.person_id IS NOT NEW.person_id OR OLD.position IS NOT NEW.position) BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'assignments', NEW.item_id || ':' || NEW.person_id, NEW.item_id,
	       json_object('item_id', OLD.item_id, 'person_id', OLD.person_id, 'position', OLD.position),
	       json_object('item_id', NEW.item_id, 'person_id', NEW.person_id, 'position', NEW.position)
	FROM change_now;
END;
CREATE TRIGGER assignments_history_del AFTER DELETE ON assignments
WHEN (SELECT change_id FROM change_now) IS NOT NULL BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'assignments', OLD.item_id || ':' || OLD.person_id, OLD.item_id,
	       json_object('item_id', OLD.item_id, 'person_id', OLD.person_id, 'position', OLD.position), NULL
	FROM change_now;
END;

CREATE TRIGGER remind_plan_history_ins AFTER INSERT ON remind_plan
WHEN (SELECT change_id FROM change_now) IS NOT NULL BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'remind_plan', NEW.plan_id, NULL, NULL,
	       json_object('plan_id', NEW.plan_id, 'events', NEW.events, 'deadlines', NEW.deadlines, 'overdue', NEW.overdue)
	FROM change_now;
END;
CREATE TRIGGER remind_plan_history_upd AFTER UPDATE ON remind_plan
WHEN (SELECT change_id FROM change_now) IS NOT NULL AND (OLD.plan_id IS NOT NEW.plan_id OR OLD.events IS NOT NEW.events OR OLD.deadlines IS NOT NEW.deadlines OR OLD.overdue IS NOT NEW.overdue) BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'remind_plan', NEW.plan_id, NULL,
	       json_object('plan_id', OLD.plan_id, 'events', OLD.events, 'deadlines', OLD.deadlines, 'overdue', OLD.overdue),
	       json_object('plan_id', NEW.plan_id, 'events', NEW.events, 'deadlines', NEW.deadlines, 'overdue', NEW.overdue)
	FROM change_now;
END;
CREATE TRIGGER remind_plan_history_del AFTER DELETE ON remind_plan
WHEN (SELECT change_id FROM change_now) IS NOT NULL BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'remind_plan', OLD.plan_id, NULL,
	       json_object('plan_id', OLD.plan_id, 'events', OLD.events, 'deadlines', OLD.deadlines, 'overdue', OLD.overdue), NULL
	FROM change_now;
END;

CREATE TRIGGER remind_item_history_ins AFTER INSERT ON remind_item
WHEN (SELECT change_id FROM change_now) IS NOT NULL BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'remind_item', NEW.item_id, NEW.item_id, NULL,
	       json_object('item_id', NEW.item_id, 'rules', NEW.rules)
	FROM change_now;
END;
CREATE TRIGGER remind_item_history_upd AFTER UPDATE ON remind_item
WHEN (SELECT change_id FROM change_now) IS NOT NULL AND (OLD.item_id IS NOT NEW.item_id OR OLD.rules IS NOT NEW.rules) BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'remind_item', NEW.item_id, NEW.item_id,
	       json_object('item_id', OLD.item_id, 'rules', OLD.rules),
	       json_object('item_id', NEW.item_id, 'rules', NEW.rules)
	FROM change_now;
END;
CREATE TRIGGER remind_item_history_del AFTER DELETE ON remind_item
WHEN (SELECT change_id FROM change_now) IS NOT NULL BEGIN
	INSERT INTO change_rows (change_id, tbl, row_key, item_id, before, after)
	SELECT change_id, 'remind_item', OLD.item_id, OLD.item_id,
	       json_object('item_id', OLD.item_id, 'rules', OLD.rules), NULL
	FROM change_now;
END;
