-- Issue 25. Device cookies (OWASP): a browser where someone signed in carries a token for that
-- account, so failed guesses from elsewhere never slow the real person down. Only the token's
-- hash is kept; a token older than a year no longer counts.
CREATE TABLE known_devices (
  token_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX known_devices_created ON known_devices (created_at);
