-- A closed year (issue 12): a frozen snapshot of the plan, its values and statuses, the
-- contributions, the quality picture, the self-scan, the decisions and the stories, so next
-- year's report compares with what was, not with what is now. A year is closed once.
CREATE TABLE closed_years (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  closed_at BIGINT NOT NULL,
  closed_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
  snapshot TEXT NOT NULL,
  UNIQUE (coalition_id, year)
);
