-- API keys: secret keys (sk_…, server-side, everything in their organisation) and public keys
-- (pk_…, browsers: read layout/availability, hold, release). Only a SHA-256 of each key is kept;
-- the key itself is shown once when it is created.
CREATE TABLE api_keys (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organisations (id),
  kind text NOT NULL CHECK (kind IN ('secret', 'public')),
  name text NOT NULL,
  hash text NOT NULL UNIQUE,
  -- The first characters of the key (e.g. sk_3kTq9Zb), so people can tell their keys apart.
  prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_used_at timestamptz
);
CREATE INDEX api_keys_org_idx ON api_keys (org_id, created_at);
