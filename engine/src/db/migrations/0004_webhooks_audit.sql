-- Webhooks and the audit log. Webhook events are written to webhook_outbox in the same
-- transaction as the change they report (a booking that rolls back announces nothing); any node's
-- dispatcher claims due rows with FOR UPDATE SKIP LOCKED, so no leader is needed and no row is
-- delivered twice at once. Every tenant table is under the tenant_isolation policy of 0003.

-- Where an organisation wants its events. The secret signs deliveries (HMAC-SHA256), so it is kept
-- as is (a hash could not sign); it is shown once, when the endpoint is created.
CREATE TABLE webhook_endpoints (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organisations (id),
  url text NOT NULL,
  secret text NOT NULL,
  -- Event types this endpoint receives; empty means all of them.
  events text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (org_id, created_at);

CREATE TABLE webhook_outbox (
  id bigserial PRIMARY KEY,
  org_id text NOT NULL REFERENCES organisations (id),
  event_type text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  attempts int NOT NULL DEFAULT 0,
  delivered_at timestamptz,
  -- Set when the last allowed attempt failed; the row is never tried again.
  failed_at timestamptz,
  last_error text
);
-- What dispatchers scan: pending rows by due time.
CREATE INDEX webhook_outbox_due_idx ON webhook_outbox (next_attempt_at)
  WHERE delivered_at IS NULL AND failed_at IS NULL;

-- One row per attempt per endpoint: the delivery log organisations see.
CREATE TABLE webhook_deliveries (
  id bigserial PRIMARY KEY,
  outbox_id bigint NOT NULL REFERENCES webhook_outbox (id),
  endpoint_id text NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  org_id text NOT NULL REFERENCES organisations (id),
  attempt int NOT NULL CHECK (attempt > 0),
  status_code int,
  duration_ms int NOT NULL CHECK (duration_ms >= 0),
  error text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_org_idx ON webhook_deliveries (org_id, id);
CREATE INDEX webhook_deliveries_outbox_idx ON webhook_deliveries (outbox_id, endpoint_id);

-- Staff and secret-key actions: who (key id or user), did what, to which target.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  org_id text NOT NULL REFERENCES organisations (id),
  actor text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_org_idx ON audit_log (org_id, id);

ALTER TABLE webhook_endpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_endpoints FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_endpoints
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE webhook_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_outbox
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_deliveries
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_log
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');
