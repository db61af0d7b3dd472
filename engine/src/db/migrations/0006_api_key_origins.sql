-- Browser origins each API key may be used from (CORS allow-list), e.g. '{https://tickets.example}'.
-- Empty means any origin: right for secret keys (servers send no Origin) and kept for public keys
-- so existing storefronts go on working; production should list the storefront's origins on every
-- public key. api_keys already has its tenant_isolation policy (0003), which covers the new column.
ALTER TABLE api_keys ADD COLUMN allowed_origins text[] NOT NULL DEFAULT '{}';
