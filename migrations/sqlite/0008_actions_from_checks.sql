-- An action can come from a quality check (issue 12): the activity, the round and the question
-- whose tip it follows, so the next round shows what became of it.
ALTER TABLE actions ADD COLUMN activity_id INTEGER REFERENCES activities(id) ON DELETE SET NULL;
ALTER TABLE actions ADD COLUMN round_id INTEGER REFERENCES check_rounds(id) ON DELETE SET NULL;
ALTER TABLE actions ADD COLUMN question_code TEXT NOT NULL DEFAULT '';
