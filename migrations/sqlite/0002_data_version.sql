-- A counter per coalition, raised by every committed change: rendered pages are cached until it moves.
ALTER TABLE coalitions ADD COLUMN data_version INTEGER NOT NULL DEFAULT 0;
