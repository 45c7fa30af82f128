-- Issue 13. An organisation that came onto the kaart with a file has no partner of its own; the
-- beheerder names the partner whose staff keep its services current ("klopt nog", edits,
-- corrections). A partner's own organisation (hsds_partner_organizations) needs no row here.
CREATE TABLE hsds_organization_keepers (
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL,
  partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  PRIMARY KEY (coalition_id, organization_id)
);
