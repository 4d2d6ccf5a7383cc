-- qweek schema: what people marked done or reopened (issue 13), so that the planner's morning
-- digest can tell her what staff closed since the last one, with their notes, and what they
-- reopened. One row per change of state made by a person (the API, a personal page); an import's
-- states are not marks. The items' own done_by/note keep only the latest state.
CREATE TABLE item_marks (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
	at INTEGER NOT NULL,
	state TEXT NOT NULL CHECK (state IN ('done', 'open')),
	by_name TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX item_marks_plan_at ON item_marks(plan_id, at);
