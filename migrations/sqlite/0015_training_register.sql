-- The training register (issue 13): trainings, sessions, participants without an account and
-- their attendance; the coalition's own frontline roles beside the shipped ones; and how many
-- frontline workers each partner has per role (per wijk, or '' for the whole gemeente).
CREATE TABLE trainings (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  provider TEXT NOT NULL DEFAULT '',
  modules TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  hours REAL NOT NULL DEFAULT 0,
  valid_months INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);

CREATE TABLE training_sessions (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  trainer TEXT NOT NULL DEFAULT '',
  capacity INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);
CREATE INDEX training_sessions_training ON training_sessions (training_id);

CREATE TABLE participants (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  wijk_code TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL
);
CREATE INDEX participants_coalition ON participants (coalition_id);

CREATE TABLE attendances (
  session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  attended INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (session_id, participant_id)
);
CREATE INDEX attendances_participant ON attendances (participant_id);

CREATE TABLE frontline_roles (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (coalition_id, code)
);

CREATE TABLE frontline_counts (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  wijk_code TEXT NOT NULL DEFAULT '',
  count INTEGER NOT NULL,
  UNIQUE (partner_id, role, wijk_code)
);

-- Indicators of kind "deskundigheid" take their values from the register. SQLite cannot alter a
-- CHECK constraint, and rebuilding the table would cascade into its children, so the constraint
-- is loosened in the schema text, as SQLite's documentation describes for exactly this case;
-- `migrate` then raises the schema version so every connection rereads it.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'kind IN (''bevolking'', ''activiteit'')',
  'kind IN (''bevolking'', ''activiteit'', ''deskundigheid'')')
  WHERE type = 'table' AND name = 'indicators';
PRAGMA writable_schema = OFF;
