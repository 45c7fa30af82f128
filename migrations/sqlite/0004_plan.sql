-- The coalition's plan: ambitions (versioned), indicators with targets, values and stories,
-- activities, contributions per partner and ambition, actions, personal API tokens and the
-- switch for the public dashboard.
ALTER TABLE coalitions ADD COLUMN public_dashboard INTEGER NOT NULL DEFAULT 0;

CREATE TABLE ambitions (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  statement TEXT NOT NULL,
  target_group TEXT NOT NULL,
  areas TEXT NOT NULL DEFAULT '',
  start_year INTEGER NOT NULL,
  end_year INTEGER NOT NULL,
  findings TEXT NOT NULL DEFAULT '',
  owner_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX ambitions_coalition ON ambitions (coalition_id);

-- Every saved state of an ambition, so this year's plan can be compared with last year's.
CREATE TABLE ambition_versions (
  ambition_id INTEGER NOT NULL REFERENCES ambitions(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  saved_at INTEGER NOT NULL,
  saved_by TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (ambition_id, version)
);

CREATE TABLE indicators (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  ambition_id INTEGER NOT NULL REFERENCES ambitions(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('bevolking', 'activiteit')),
  question TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL,
  polarity TEXT NOT NULL CHECK (polarity IN ('lager', 'hoger')),
  survey_indicator TEXT NOT NULL DEFAULT '',
  area_code TEXT NOT NULL DEFAULT '',
  age_band TEXT NOT NULL DEFAULT '',
  baseline_value REAL,
  baseline_date TEXT NOT NULL DEFAULT '',
  baseline_source TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL
);
CREATE INDEX indicators_ambition ON indicators (coalition_id, ambition_id);

-- kind: streef (target) or prognose (a forecast entered by hand).
CREATE TABLE indicator_targets (
  indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('streef', 'prognose')),
  year INTEGER NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (indicator_id, kind, year)
);

-- Values entered by hand or imported; survey values are read from survey_estimates.
CREATE TABLE indicator_values (
  indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  value REAL NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  entered_at INTEGER NOT NULL,
  PRIMARY KEY (indicator_id, year)
);

-- "Het verhaal achter de cijfers": notes anyone in the coalition can add.
CREATE TABLE indicator_stories (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  author TEXT NOT NULL,
  text TEXT NOT NULL,
  written_at INTEGER NOT NULL
);
CREATE INDEX indicator_stories_indicator ON indicator_stories (indicator_id);

-- What already happens and what is added. Lists of fixed words (degrees, effective elements,
-- areas) are comma-separated; links to partners and ambitions are rows.
CREATE TABLE activities (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  lead_partner_id INTEGER REFERENCES partners(id) ON DELETE SET NULL,
  target_group TEXT NOT NULL,
  areas TEXT NOT NULL DEFAULT '',
  loneliness_type TEXT NOT NULL,
  degrees TEXT NOT NULL DEFAULT '',
  elements TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL DEFAULT '',
  end_date TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX activities_coalition ON activities (coalition_id);

CREATE TABLE activity_links (
  activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('partner', 'ambitie')),
  ref_id INTEGER NOT NULL,
  PRIMARY KEY (activity_id, kind, ref_id)
);

CREATE TABLE activity_reach (
  activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  people REAL NOT NULL,
  PRIMARY KEY (activity_id, year)
);

-- Wie doet wat: what a partner contributes to an ambition.
CREATE TABLE contributions (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  ambition_id INTEGER NOT NULL REFERENCES ambitions(id) ON DELETE CASCADE,
  activity_id INTEGER REFERENCES activities(id) ON DELETE SET NULL,
  what TEXT NOT NULL,
  hours REAL,
  euros REAL,
  in_kind TEXT NOT NULL DEFAULT '',
  start_year INTEGER NOT NULL,
  end_year INTEGER NOT NULL,
  agreed_on TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX contributions_coalition ON contributions (coalition_id, partner_id);

CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  owner_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
  partner_id INTEGER REFERENCES partners(id) ON DELETE SET NULL,
  ambition_id INTEGER REFERENCES ambitions(id) ON DELETE SET NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX actions_coalition ON actions (coalition_id, due_date);

-- Every status change of an action, with a note.
CREATE TABLE action_log (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  person_name TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX action_log_action ON action_log (action_id);

-- Personal tokens for the read API; only a hash is kept, the token is shown once.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX api_tokens_person ON api_tokens (person_id);
