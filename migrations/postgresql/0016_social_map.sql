-- The sociale kaart (issue 13) in Open Referral HSDS 3.0: every record of the specification's
-- tables (service, organization, phone, ...) as the JSON object of its fields, links included,
-- so nothing an imported file brings is lost (domain/hsds_records.h). `position` keeps the
-- order records came in, which exports follow.
CREATE TABLE hsds_records (
  coalition_id BIGINT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  table_name TEXT NOT NULL,
  id TEXT NOT NULL,
  fields TEXT NOT NULL,
  position BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (coalition_id, table_name, id)
);
CREATE INDEX hsds_records_order ON hsds_records (coalition_id, position);

ALTER TABLE coalitions ADD COLUMN public_map INTEGER NOT NULL DEFAULT 0;
-- Raised by every change of the kaart's records: the search index is rebuilt only then, not
-- whenever anything of the coalition changes.
ALTER TABLE coalitions ADD COLUMN map_version BIGINT NOT NULL DEFAULT 0;

-- Which organisation of the kaart is a partner of the coalition (the partner keeps it current),
-- and which service an activity of the plan became when it was put on the kaart.
CREATE TABLE hsds_partner_organizations (
  coalition_id BIGINT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  partner_id BIGINT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL,
  PRIMARY KEY (coalition_id, partner_id)
);
CREATE TABLE hsds_activity_services (
  coalition_id BIGINT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  service_id TEXT NOT NULL,
  PRIMARY KEY (coalition_id, activity_id)
);
