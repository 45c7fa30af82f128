-- Issue 13. The signaalpunt: a worry about a resident reaches the partner that covers the
-- resident's wijk. Fields that could name a person (*_sealed) are sealed with the key file
-- outside the database (store/signal_key.h) and emptied a set time after closing; the rest
-- stays for the counts.
ALTER TABLE coalitions ADD COLUMN public_signals INTEGER NOT NULL DEFAULT 0;

-- Who receives a signal: per postcode (four digits), per wijk code, or '' for the rest.
CREATE TABLE signal_routes (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  area TEXT NOT NULL,
  partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  UNIQUE (coalition_id, area)
);

CREATE TABLE signals (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  -- A partner that still has signals is not removed: they are its staff's to close.
  partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE RESTRICT,
  wijk TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  kinds TEXT NOT NULL,
  consent TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'nieuw',
  close_reason TEXT NOT NULL DEFAULT '',
  note_sealed TEXT NOT NULL DEFAULT '',
  resident_sealed TEXT NOT NULL DEFAULT '',
  reporter_sealed TEXT NOT NULL DEFAULT '',
  -- The reporter's code, as a hash: it shows the status, never the content.
  code_hash TEXT NOT NULL,
  -- Who passed it: a person signed in, or nobody (the public form; its address only hashed,
  -- for the flood limit).
  reported_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
  sender_hash TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  first_contact_at BIGINT,
  referred_at BIGINT,
  closed_at BIGINT,
  erased_at BIGINT
);
CREATE INDEX signals_partner ON signals (coalition_id, partner_id, status);
CREATE INDEX signals_code ON signals (code_hash);
CREATE INDEX signals_sender ON signals (sender_hash, created_at);
CREATE INDEX signals_closed ON signals (closed_at);

-- What the receiving partner's staff did, step by step.
CREATE TABLE signal_steps (
  id INTEGER PRIMARY KEY,
  signal_id INTEGER NOT NULL REFERENCES signals(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  service_id TEXT NOT NULL DEFAULT '',
  service_name TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  note_sealed TEXT NOT NULL DEFAULT '',
  person_name TEXT NOT NULL DEFAULT '',
  at BIGINT NOT NULL
);
CREATE INDEX signal_steps_signal ON signal_steps (signal_id);

-- Indicators of kind "signaalpunt" take their yearly values from the signals (the measure says
-- which). The kind constraint is loosened in the schema text, as in 0015.
ALTER TABLE indicators ADD COLUMN signal_measure TEXT NOT NULL DEFAULT '';
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'kind IN (''bevolking'', ''activiteit'', ''deskundigheid'')',
  'kind IN (''bevolking'', ''activiteit'', ''deskundigheid'', ''signaalpunt'')')
  WHERE type = 'table' AND name = 'indicators';
PRAGMA writable_schema = OFF;
