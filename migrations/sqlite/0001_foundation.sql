-- Foundation: coalitions, areas, partners, people, sessions, login throttling, audit log.
CREATE TABLE coalitions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  gemeente_code TEXT NOT NULL UNIQUE,
  kartrekker TEXT NOT NULL DEFAULT '',
  cycle_start TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);

CREATE TABLE areas (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('gemeente', 'wijk', 'buurt')),
  parent_code TEXT NOT NULL DEFAULT '',
  inhabitants INTEGER,
  inhabitants_65plus INTEGER,
  one_person_households INTEGER,
  updated_at INTEGER NOT NULL,
  UNIQUE (coalition_id, code)
);

CREATE TABLE partners (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  contact_name TEXT NOT NULL DEFAULT '',
  contact_email TEXT NOT NULL DEFAULT '',
  mandate TEXT NOT NULL DEFAULT '',
  interests TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  UNIQUE (coalition_id, name)
);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('beheerder', 'partner', 'lezer')),
  partner_id INTEGER REFERENCES partners(id) ON DELETE RESTRICT,
  password_hash TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL
);
CREATE INDEX people_coalition ON people (coalition_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_person ON sessions (person_id);

CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  subject TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures (subject, at);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  person_id INTEGER,
  person_name TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL DEFAULT '',
  changes TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_coalition ON audit_log (coalition_id, at);
