-- qweek schema: the survey of the week (issue 17).
--
-- One questionnaire per plan, kept as the text the planner wrote (docs/survey-format.md) and
-- parsed when needed; its public form's link like the other links (a generation and the hash
-- of the secret). Responses are anonymous: no address, no name, only the hour they came in and
-- whether they were typed from paper. An answer is one row per question answered: the chosen
-- options as a bit mask (single, multiple, scale), or the value typed (number, text), so that
-- the results are one GROUP BY over an index.
CREATE TABLE surveys (
	plan_id INTEGER PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
	source TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	created INTEGER NOT NULL,
	gen INTEGER,
	secret_hash BLOB UNIQUE CHECK (secret_hash IS NULL OR length(secret_hash) = 32)
);

CREATE TABLE survey_responses (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	hour INTEGER NOT NULL,
	source TEXT NOT NULL CHECK (source IN ('form', 'paper', 'import'))
);
CREATE INDEX survey_responses_plan ON survey_responses(plan_id);

CREATE TABLE survey_answers (
	response_id INTEGER NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
	plan_id INTEGER NOT NULL,
	question INTEGER NOT NULL,
	mask INTEGER NOT NULL DEFAULT 0,
	value TEXT,
	PRIMARY KEY (response_id, question)
) WITHOUT ROWID;
CREATE INDEX survey_answers_tally ON survey_answers(plan_id, question, mask, value);

-- Form tokens already used (each form shown carries a new one; a token is good once, for
-- SURVEY_TOKEN_TTL): kept until they would have expired anyway.
CREATE TABLE survey_tokens (
	nonce INTEGER PRIMARY KEY,
	issued INTEGER NOT NULL
);
