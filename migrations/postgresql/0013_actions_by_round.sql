-- A round's improvement plan is read by its round (the score overview, the printed plan).
CREATE INDEX actions_round ON actions (round_id);
