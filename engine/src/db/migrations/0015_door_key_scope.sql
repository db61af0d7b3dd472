-- Door keys are confined to one event and expire (auth/door.ts, tickets/door-link.ts): a door link
-- handed to a phone must not open every event's door, nor stay valid after the night, nor outlive
-- the staff member who made it. Every key also records who made it (`<kind>:<user or key id>`, as
-- in the audit log; NULL: from the command line or before this migration). api_keys already has
-- its tenant_isolation policy (0003), which covers the new columns.
ALTER TABLE api_keys ADD COLUMN event_id text REFERENCES events (id) ON DELETE CASCADE;
ALTER TABLE api_keys ADD COLUMN expires_at timestamptz;
ALTER TABLE api_keys ADD COLUMN created_by text;

-- Door keys made before this migration opened every event of their organisation, for ever.
UPDATE api_keys SET revoked_at = now() WHERE kind = 'door' AND revoked_at IS NULL;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_door_scope_check CHECK (
  kind <> 'door' OR revoked_at IS NOT NULL OR (event_id IS NOT NULL AND expires_at IS NOT NULL));

-- The box office lists an event's door keys (keys/door-keys.ts).
CREATE INDEX api_keys_event_idx ON api_keys (org_id, event_id) WHERE event_id IS NOT NULL;
