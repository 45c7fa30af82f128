-- The gesprekskaart (issue 13): the services of the sociale kaart the beheerder chose to name on
-- the printed card, in their order, and whether the card is public.
CREATE TABLE conversation_card_services (
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  service_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (coalition_id, service_id)
);

ALTER TABLE coalitions ADD COLUMN public_card INTEGER NOT NULL DEFAULT 0;
