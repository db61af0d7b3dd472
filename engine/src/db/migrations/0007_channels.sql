-- Sales channels: an event's owner splits what it sells between channels (its own online shop,
-- its box office, partner organisations). A seat allocated to a channel is sold only through that
-- channel; a standing area can give a channel a quantity. What no channel holds is the owner's
-- general pool. Partner organisations see the shared event (and its prices) but never the owner's
-- or other partners' bookings: bookings keep the seller's org_id and record their channel_id.

CREATE TABLE channels (
  id text PRIMARY KEY,
  org_id text NOT NULL REFERENCES organisations (id),
  event_id text NOT NULL REFERENCES events (id),
  kind text NOT NULL CHECK (kind IN ('online', 'boxoffice', 'partner')),
  name text NOT NULL,
  -- The organisation that sells through a partner channel (only partner channels have one).
  partner_org_id text REFERENCES organisations (id),
  -- The channel's own price table ([{category, priceType, amount, currency}]); NULL: the event's.
  prices jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'partner') = (partner_org_id IS NOT NULL)),
  CHECK (partner_org_id IS DISTINCT FROM org_id)
);
CREATE INDEX channels_event_idx ON channels (event_id);
-- A partner sells one event through one channel: requests made with its keys name no channel.
CREATE UNIQUE INDEX channels_partner_once ON channels (event_id, partner_org_id)
  WHERE partner_org_id IS NOT NULL;

-- One row per allocated seat (seat_index) or per standing area with its quantity (area_id).
-- partner_org_id is copied from the channel so the partner's read policy needs no join.
CREATE TABLE channel_allocations (
  channel_id text NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  event_id text NOT NULL REFERENCES events (id),
  org_id text NOT NULL REFERENCES organisations (id),
  partner_org_id text REFERENCES organisations (id),
  seat_index int CHECK (seat_index >= 0),
  area_id text,
  quantity int,
  CHECK ((seat_index IS NOT NULL AND area_id IS NULL AND quantity IS NULL)
      OR (seat_index IS NULL AND area_id IS NOT NULL AND quantity > 0))
);
-- A seat belongs to at most one channel.
CREATE UNIQUE INDEX channel_allocations_seat ON channel_allocations (event_id, seat_index)
  WHERE seat_index IS NOT NULL;
CREATE UNIQUE INDEX channel_allocations_area ON channel_allocations (channel_id, area_id)
  WHERE area_id IS NOT NULL;
CREATE INDEX channel_allocations_channel_idx ON channel_allocations (channel_id);

-- NULL: the owner's general pool (every booking made before channels existed).
ALTER TABLE bookings ADD COLUMN channel_id text REFERENCES channels (id);
CREATE INDEX bookings_channel_idx ON bookings (channel_id) WHERE channel_id IS NOT NULL;

-- The owner manages channels and allocations (tenant_isolation, the 0003 pattern); a partner may
-- read its own channel and that channel's allocations.
ALTER TABLE channels ENABLE ROW LEVEL SECURITY;
ALTER TABLE channels FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON channels
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');
CREATE POLICY partner_read ON channels FOR SELECT
  USING (partner_org_id = current_setting('app.org_id', true));

ALTER TABLE channel_allocations ENABLE ROW LEVEL SECURITY;
ALTER TABLE channel_allocations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON channel_allocations
  USING (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on')
  WITH CHECK (org_id = current_setting('app.org_id', true) OR current_setting('app.tenancy_bypass', true) = 'on');
CREATE POLICY partner_read ON channel_allocations FOR SELECT
  USING (partner_org_id = current_setting('app.org_id', true));

-- A partner sees the shared event and its prices (read only); permissive policies add up, so the
-- owner's tenant_isolation is unchanged.
CREATE POLICY partner_read ON events FOR SELECT
  USING (EXISTS (SELECT 1 FROM channels c
    WHERE c.event_id = events.id AND c.partner_org_id = current_setting('app.org_id', true)));
CREATE POLICY partner_read ON prices FOR SELECT
  USING (EXISTS (SELECT 1 FROM channels c
    WHERE c.event_id = prices.event_id AND c.partner_org_id = current_setting('app.org_id', true)));

-- Aggregates across organisations. Bookings of one event belong to several organisations (owner
-- and partners), and no organisation may read another's rows. These functions switch the bypass
-- on for their one query and back to what it was before returning (an error aborts the statement,
-- and rolling back restores the setting), check the caller's organisation themselves, and answer
-- numbers only: never a booking, order reference or customer. (A function SET clause would be
-- simpler, but only a superuser may create one for an undeclared parameter like this.)

-- The standing-place fence of one area: live places per channel (NULL: general pool) and what each
-- channel is allocated. For the event's owner or one of its partners.
CREATE FUNCTION parterre_ga_taken(p_event text, p_area text)
  RETURNS TABLE (channel_id text, taken int, allocated int)
  LANGUAGE plpgsql VOLATILE
AS $$
#variable_conflict use_column
DECLARE
  previous text := coalesce(current_setting('app.tenancy_bypass', true), '');
BEGIN
  PERFORM set_config('app.tenancy_bypass', 'on', true);
  RETURN QUERY
  WITH caller AS (
    SELECT 1 FROM events e WHERE e.id = p_event
      AND (e.org_id = current_setting('app.org_id', true)
        OR EXISTS (SELECT 1 FROM channels c WHERE c.event_id = e.id
                   AND c.partner_org_id = current_setting('app.org_id', true)))),
  taken AS (
    SELECT b.channel_id, sum(g.quantity)::int AS taken
    FROM booking_ga g JOIN bookings b ON b.id = g.booking_id
    WHERE g.event_id = p_event AND g.area_id = p_area AND g.live
    GROUP BY b.channel_id),
  allocated AS (
    SELECT a.channel_id, a.quantity AS allocated FROM channel_allocations a
    WHERE a.event_id = p_event AND a.area_id = p_area)
  SELECT coalesce(t.channel_id, a.channel_id), coalesce(t.taken, 0), coalesce(a.allocated, 0)
  FROM taken t FULL JOIN allocated a ON a.channel_id = t.channel_id
  WHERE EXISTS (SELECT 1 FROM caller);
  PERFORM set_config('app.tenancy_bypass', previous, true);
END
$$;

-- What a channel of the caller's event has sold and still sells: live seat indexes and live
-- standing places per area. Owner only (releasing unsold allocations needs it).
CREATE FUNCTION parterre_channel_sold(p_event text, p_channel text)
  RETURNS TABLE (seat_index int, area_id text, quantity int)
  LANGUAGE plpgsql VOLATILE
AS $$
#variable_conflict use_column
DECLARE
  previous text := coalesce(current_setting('app.tenancy_bypass', true), '');
BEGIN
  PERFORM set_config('app.tenancy_bypass', 'on', true);
  RETURN QUERY
  SELECT s.seat_index, NULL::text, NULL::int
  FROM booking_seats s JOIN bookings b ON b.id = s.booking_id
  JOIN channels c ON c.id = b.channel_id
  WHERE s.event_id = p_event AND s.live AND c.id = p_channel
    AND c.org_id = current_setting('app.org_id', true)
  UNION ALL
  SELECT NULL, g.area_id, sum(g.quantity)::int
  FROM booking_ga g JOIN bookings b ON b.id = g.booking_id
  JOIN channels c ON c.id = b.channel_id
  WHERE g.event_id = p_event AND g.live AND c.id = p_channel
    AND c.org_id = current_setting('app.org_id', true)
  GROUP BY g.area_id;
  PERFORM set_config('app.tenancy_bypass', previous, true);
END
$$;

-- Sell-through of the caller's event per channel (NULL: general pool) and currency: bookings,
-- seats, standing places and revenue of live sales. Owner only.
CREATE FUNCTION parterre_sell_through(p_event text)
  RETURNS TABLE (channel_id text, currency text, bookings int, seats int, ga int, revenue bigint)
  LANGUAGE plpgsql VOLATILE
AS $$
#variable_conflict use_column
DECLARE
  previous text := coalesce(current_setting('app.tenancy_bypass', true), '');
BEGIN
  PERFORM set_config('app.tenancy_bypass', 'on', true);
  RETURN QUERY
  WITH owned AS (
    SELECT e.id FROM events e
    WHERE e.id = p_event AND e.org_id = current_setting('app.org_id', true)),
  units AS (
    SELECT s.booking_id, 1 AS seats, 0 AS ga, s.amount FROM booking_seats s
    WHERE s.event_id IN (SELECT id FROM owned) AND s.live
    UNION ALL
    SELECT g.booking_id, 0, g.quantity, g.amount FROM booking_ga g
    WHERE g.event_id IN (SELECT id FROM owned) AND g.live)
  SELECT b.channel_id, b.currency::text, count(DISTINCT u.booking_id)::int, sum(u.seats)::int,
    sum(u.ga)::int, sum(u.amount)::bigint
  FROM units u JOIN bookings b ON b.id = u.booking_id
  GROUP BY b.channel_id, b.currency;
  PERFORM set_config('app.tenancy_bypass', previous, true);
END
$$;
