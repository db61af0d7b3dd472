-- Tickets and the door; series, subscriptions and group bookings. Every table carries org_id and
-- the tenant_isolation policy of 0003_row_level_security.sql.

-- Signing keys of ticket codes, per organisation. A code names its key (id = "kid"), so a key can
-- be rotated: new tickets are signed with the newest key that is not retired, tickets issued
-- earlier keep verifying with theirs until it is retired.
CREATE TABLE ticket_keys (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organisations (id),
  secret bytea NOT NULL CHECK (length(secret) >= 32),
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);
CREATE INDEX ticket_keys_org_idx ON ticket_keys (org_id, created_at DESC);

-- One ticket per booked seat, and one per standing place (unit 1…quantity of an area within a
-- booking). Only the SHA-256 of the code is stored: the code is recomputed from its key when the
-- booking's tickets are listed. A cancelled seat's ticket stays (the door refuses it by the
-- booking's live flag); scanned_at is set once, by the first scan.
CREATE TABLE tickets (
  code_hash text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organisations (id),
  event_id text NOT NULL REFERENCES events (id),
  booking_id text NOT NULL REFERENCES bookings (id),
  seat_index int CHECK (seat_index >= 0),
  area_id text,
  unit int CHECK (unit > 0),
  key_id text NOT NULL REFERENCES ticket_keys (id),
  serial int NOT NULL DEFAULT 1 CHECK (serial > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  scanned_at timestamptz,
  scanned_by text,
  CHECK ((seat_index IS NOT NULL AND area_id IS NULL AND unit IS NULL)
      OR (seat_index IS NULL AND area_id IS NOT NULL AND unit IS NOT NULL))
);
CREATE UNIQUE INDEX tickets_booking_seat ON tickets (booking_id, seat_index)
  WHERE seat_index IS NOT NULL;
CREATE UNIQUE INDEX tickets_booking_place ON tickets (booking_id, area_id, unit)
  WHERE area_id IS NOT NULL;
CREATE INDEX tickets_event_scanned_idx ON tickets (event_id) WHERE scanned_at IS NOT NULL;

-- A series (a season) groups events.
CREATE TABLE series (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organisations (id),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX series_org_idx ON series (org_id, created_at);

CREATE TABLE series_events (
  series_id text NOT NULL REFERENCES series (id) ON DELETE CASCADE,
  event_id text NOT NULL REFERENCES events (id),
  org_id text NOT NULL REFERENCES organisations (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (series_id, event_id)
);

-- A subscription: the same seats on every event of a series, booked in one transaction.
-- renewed_from links a renewal to last season's subscription (one renewal each).
CREATE TABLE subscriptions (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organisations (id),
  series_id text NOT NULL REFERENCES series (id),
  seats jsonb NOT NULL,
  holder text,
  order_ref text,
  price_type text NOT NULL DEFAULT 'full',
  renewed_from text REFERENCES subscriptions (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX subscriptions_renewed_once ON subscriptions (renewed_from)
  WHERE renewed_from IS NOT NULL;

CREATE TABLE subscription_bookings (
  subscription_id text NOT NULL REFERENCES subscriptions (id),
  event_id text NOT NULL REFERENCES events (id),
  booking_id text NOT NULL REFERENCES bookings (id),
  org_id text NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (subscription_id, event_id)
);

-- The group name of a group booking (a school class).
CREATE TABLE booking_groups (
  booking_id text PRIMARY KEY REFERENCES bookings (id),
  org_id text NOT NULL REFERENCES organisations (id),
  event_id text NOT NULL REFERENCES events (id),
  group_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE ticket_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ticket_keys
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
ALTER TABLE tickets FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tickets
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE series ENABLE ROW LEVEL SECURITY;
ALTER TABLE series FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON series
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE series_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE series_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON series_events
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE subscriptions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON subscriptions
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE subscription_bookings ENABLE ROW LEVEL SECURITY;
ALTER TABLE subscription_bookings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON subscription_bookings
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');

ALTER TABLE booking_groups ENABLE ROW LEVEL SECURITY;
ALTER TABLE booking_groups FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON booking_groups
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');
