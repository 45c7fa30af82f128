-- Issue 25. The kaart's search index is brought up to date from what changed since it was
-- built, not made again from all of a big city's records: each record keeps the map_version
-- that last wrote it, and each removal is kept with the version that made it.
ALTER TABLE hsds_records ADD COLUMN changed_in BIGINT NOT NULL DEFAULT 0;
CREATE INDEX hsds_records_changed ON hsds_records (coalition_id, changed_in);
CREATE TABLE hsds_removals (
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  changed_in BIGINT NOT NULL,
  table_name TEXT NOT NULL,
  id TEXT NOT NULL
);
CREATE INDEX hsds_removals_changed ON hsds_removals (coalition_id, changed_in);
