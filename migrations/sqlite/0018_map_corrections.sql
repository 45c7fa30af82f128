-- Issue 13. "Dit klopt niet": a correction anyone sends about a service of the kaart. It waits
-- for the service's owner (the partner of its organisation) or the beheerder, who deals with it.
CREATE TABLE map_corrections (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  service_id TEXT NOT NULL,
  message TEXT NOT NULL,
  reporter_email TEXT NOT NULL DEFAULT '',
  -- A hash of the sender's address, never the address: sending is limited per address.
  sender_hash TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  handled_at BIGINT,
  handled_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX map_corrections_open ON map_corrections (coalition_id, service_id);
CREATE INDEX map_corrections_sender ON map_corrections (sender_hash, created_at);
