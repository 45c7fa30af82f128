-- Check rounds (issue 12): an activity's team scores it with one version of the instrument.
CREATE TABLE check_rounds (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  instrument_version INTEGER NOT NULL REFERENCES quality_instruments(version),
  ends_on TEXT NOT NULL,
  closed_at INTEGER,
  started_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
  started_at INTEGER NOT NULL
);
CREATE INDEX check_rounds_activity ON check_rounds (coalition_id, activity_id, started_at);

-- The team: people with an account, and volunteers who answer through a personal link (only
-- the token's hash is kept).
CREATE TABLE check_respondents (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES check_rounds(id) ON DELETE CASCADE,
  person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  token_hash TEXT UNIQUE,
  link_expires_at INTEGER,
  revoked_at INTEGER,
  submitted_at INTEGER
);
CREATE INDEX check_respondents_round ON check_respondents (round_id);
CREATE UNIQUE INDEX check_respondents_person ON check_respondents (round_id, person_id);

-- One respondent's answer per question: a score of 1 to 10, or n.v.t. with its reason.
CREATE TABLE check_answers (
  respondent_id INTEGER NOT NULL REFERENCES check_respondents(id) ON DELETE CASCADE,
  question_code TEXT NOT NULL,
  score INTEGER CHECK (score BETWEEN 1 AND 10),
  not_applicable INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (respondent_id, question_code)
);
