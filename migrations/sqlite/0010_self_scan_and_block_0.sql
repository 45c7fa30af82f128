-- The coalition's yearly self-scan on the five pillars of the national programme, and block 0
-- of the Kwaliteitskompas: what each partner brings and wants, and the shared list of terms
-- (issue 12). The self-scan's questions are a versioned file like the quality check's.
CREATE TABLE self_scan_instruments (
  version INTEGER PRIMARY KEY,
  content TEXT NOT NULL,
  loaded_at BIGINT NOT NULL
);

-- One scan per coalition per year; finished scans no longer change.
CREATE TABLE self_scans (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  instrument_version INTEGER NOT NULL REFERENCES self_scan_instruments(version),
  participants TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  completed_at BIGINT,
  UNIQUE (coalition_id, year)
);

CREATE TABLE self_scan_answers (
  scan_id INTEGER NOT NULL REFERENCES self_scans(id) ON DELETE CASCADE,
  question_code TEXT NOT NULL,
  score INTEGER CHECK (score BETWEEN 1 AND 10),
  not_applicable INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (scan_id, question_code)
);

-- A partner's mandate and what it wants are kept since the start; what it brings is new.
ALTER TABLE partners ADD COLUMN brings TEXT NOT NULL DEFAULT '';

CREATE TABLE terms (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  term TEXT NOT NULL,
  meaning TEXT NOT NULL,
  UNIQUE (coalition_id, term)
);
