-- Coalition meetings (issue 12, the improvement cycle): the partners present, and an agenda whose
-- items record what goes well, what must improve and the decision. An item keeps the names and
-- figures it was proposed with, and what it is about, so the pages of an ambition, activity or
-- indicator list the decisions about them.
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  held_on TEXT NOT NULL,
  title TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX meetings_coalition ON meetings (coalition_id, held_on);

CREATE TABLE meeting_partners (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  PRIMARY KEY (meeting_id, partner_id)
);

CREATE TABLE agenda_items (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  source_key TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  indicator_id INTEGER REFERENCES indicators(id) ON DELETE SET NULL,
  action_id INTEGER REFERENCES actions(id) ON DELETE SET NULL,
  activity_id INTEGER REFERENCES activities(id) ON DELETE SET NULL,
  ambition_id INTEGER REFERENCES ambitions(id) ON DELETE SET NULL,
  goes_well TEXT NOT NULL DEFAULT '',
  must_improve TEXT NOT NULL DEFAULT '',
  decision TEXT NOT NULL DEFAULT '',
  decision_owner_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
  decision_due TEXT NOT NULL DEFAULT '',
  decision_action_id INTEGER REFERENCES actions(id) ON DELETE SET NULL
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);
CREATE INDEX agenda_items_coalition ON agenda_items (coalition_id);
