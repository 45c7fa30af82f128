-- Verkennen: resident surveys (metingen) with only the columns the figures need, the estimates
-- computed from them, published figures (e.g. RIVM model estimates) and area boundaries.
ALTER TABLE coalitions ADD COLUMN min_cell_size INTEGER NOT NULL DEFAULT 50;

CREATE TABLE surveys (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  instrument TEXT NOT NULL CHECK (instrument IN ('djg11', 'djg6', 'ucla3')),
  source TEXT NOT NULL CHECK (source IN ('eigen', 'ggd')),
  age_from INTEGER,
  age_to INTEGER,
  age_bands TEXT NOT NULL DEFAULT '',
  respondents INTEGER NOT NULL,
  weighted INTEGER NOT NULL,
  stratified INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX surveys_coalition ON surveys (coalition_id, year);

-- One row per respondent; never names, addresses, respondent numbers or free text.
-- answers: one digit per item (0 = missing; DJG 1..5 = nee! nee min-of-meer ja ja!; UCLA 1..3).
CREATE TABLE survey_respondents (
  survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  area_code TEXT,
  age INTEGER,
  sex TEXT,
  weight REAL NOT NULL,
  stratum TEXT,
  answers TEXT NOT NULL,
  PRIMARY KEY (survey_id, number)
);

-- Estimates per breakdown, without suppression: that is applied when they are shown, with the
-- coalition's minimum cell size.
CREATE TABLE survey_estimates (
  survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  breakdown TEXT NOT NULL,
  area_code TEXT NOT NULL DEFAULT '',
  age_band TEXT NOT NULL DEFAULT '',
  sex TEXT NOT NULL DEFAULT '',
  indicator TEXT NOT NULL,
  n INTEGER NOT NULL,
  estimate REAL,
  se REAL,
  ci_low REAL,
  ci_high REAL,
  n_eff REAL,
  PRIMARY KEY (survey_id, breakdown, area_code, age_band, sex, indicator)
);

CREATE TABLE published_figures (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  area_code TEXT NOT NULL,
  indicator TEXT NOT NULL,
  year INTEGER NOT NULL,
  value REAL NOT NULL,
  ci_low REAL,
  ci_high REAL,
  source TEXT NOT NULL,
  model_based INTEGER NOT NULL,
  UNIQUE (coalition_id, area_code, indicator, year, source)
);

CREATE TABLE area_boundaries (
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  area_code TEXT NOT NULL,
  geometry TEXT NOT NULL,
  PRIMARY KEY (coalition_id, area_code)
);
