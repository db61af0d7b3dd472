-- Row-level security: every tenant table only shows and accepts rows of the organisation set on
-- the transaction (Db.transaction(fn, { orgId }) sets app.org_id), or every row in a transaction
-- that says it does system work spanning organisations (Db.transaction(fn, { system: true }) sets
-- app.tenancy_bypass: API-key lookup by hash, migrations, background jobs). current_setting(…, true)
-- is NULL or '' when unset, so a query that forgot its organisation sees nothing and writes nothing.
--
-- FORCE makes the policies apply to the tables' owner too. Superusers and BYPASSRLS roles ignore
-- policies altogether, which is why the engine's connections run as parterre_runtime
-- (engine/src/db/runtime-role.ts), not as the connecting user.
--
-- The pattern for a new tenant table (copy it, with the table's own name):
--
--   ALTER TABLE <table> ENABLE ROW LEVEL SECURITY;
--   ALTER TABLE <table> FORCE ROW LEVEL SECURITY;
--   CREATE POLICY tenant_isolation ON <table>
--     USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
--     WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

-- An organisation is its own tenant: its row is keyed by id, not org_id.
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organisations
  USING (id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE seatmaps ENABLE ROW LEVEL SECURITY;
ALTER TABLE seatmaps FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON seatmaps
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE seatmap_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE seatmap_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON seatmap_versions
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON events
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE prices ENABLE ROW LEVEL SECURITY;
ALTER TABLE prices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON prices
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE bookings ENABLE ROW LEVEL SECURITY;
ALTER TABLE bookings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON bookings
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE booking_seats ENABLE ROW LEVEL SECURITY;
ALTER TABLE booking_seats FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON booking_seats
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE booking_ga ENABLE ROW LEVEL SECURITY;
ALTER TABLE booking_ga FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON booking_ga
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE blocks ENABLE ROW LEVEL SECURITY;
ALTER TABLE blocks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON blocks
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_keys
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_keys
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');
