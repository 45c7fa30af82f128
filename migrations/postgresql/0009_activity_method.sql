-- How well an activity's method is known (issue 12): its own way of working, or one of the
-- levels of Movisie's databank of recognised social interventions.
ALTER TABLE activities ADD COLUMN method TEXT NOT NULL DEFAULT 'eigen';
