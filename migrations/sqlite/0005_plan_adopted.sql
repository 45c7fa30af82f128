-- The date the coalition (or the council) adopted its plan; empty while it is a draft.
ALTER TABLE coalitions ADD COLUMN plan_adopted_on TEXT NOT NULL DEFAULT '';
