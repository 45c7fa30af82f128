-- Versions of the quality check instrument (issue 12): the shipped file of each version, loaded
-- by migrate. A round keeps the version it was answered with, so a version never changes.
CREATE TABLE quality_instruments (
  version INTEGER PRIMARY KEY,
  content TEXT NOT NULL,
  loaded_at BIGINT NOT NULL
);
