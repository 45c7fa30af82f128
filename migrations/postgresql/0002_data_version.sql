-- A counter per coalition, raised by every committed change: rendered pages are cached until it moves.
ALTER TABLE coalitions ADD COLUMN data_version BIGINT NOT NULL DEFAULT 0;
