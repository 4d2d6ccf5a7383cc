-- qweek schema: the plan's director (issue 14), who gets the copies of overdue notices.
-- NULL: whoever's role or name says director (директор, директорка), as before this version.
ALTER TABLE plans ADD COLUMN director_id INTEGER REFERENCES people(id) ON DELETE SET NULL;
