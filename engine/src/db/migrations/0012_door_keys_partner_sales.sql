-- Door keys (dk_…): API keys that may only scan tickets and read what the door page shows
-- (auth/door.ts). Stored, hashed, revoked and touched like the other kinds.
ALTER TABLE api_keys DROP CONSTRAINT api_keys_kind_check;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_kind_check CHECK (kind IN ('secret', 'public', 'door'));

-- Partner sales in the owner's box office (boxoffice/partner-sales-repo.ts). A partner's bookings
-- and audit entries keep the partner's org_id, which the owner cannot read; these functions work
-- like 0007's and 0011's: bypass on for their own query and back to what it was, the caller checked
-- in the body (the event's owner only: a partner, or anyone else, gets no row), and only what the
-- box office shows is returned: never the booking id, its order reference or anything else the
-- partner knows of its customer.

-- The `booking.create` audit entries of the event's partner channels after audit id p_after, oldest
-- first, at most p_limit; with p_after NULL the last p_limit ones. Audit ids come from one sequence
-- for every organisation, so the owner merges these with its own entries by id.
CREATE FUNCTION parterre_partner_feed(p_event text, p_after bigint, p_limit int)
  RETURNS TABLE (id bigint, at timestamptz, channel_name text, seats text[], units int,
                 amount bigint, currency text)
  LANGUAGE plpgsql VOLATILE
AS $$
#variable_conflict use_column
DECLARE
  previous text := coalesce(current_setting('app.tenancy_bypass', true), '');
BEGIN
  PERFORM set_config('app.tenancy_bypass', 'on', true);
  RETURN QUERY
  WITH partner_channels AS (
    SELECT c.id, c.name, c.partner_org_id FROM channels c JOIN events e ON e.id = c.event_id
    WHERE c.event_id = p_event AND c.kind = 'partner'
      AND e.org_id = current_setting('app.org_id', true)),
  entries AS (
    SELECT a.id, a.at, pc.name, a.details FROM partner_channels pc
      JOIN audit_log a ON a.org_id = pc.partner_org_id AND a.feed_event_id = p_event
      JOIN bookings b ON b.id = a.target AND b.org_id = a.org_id AND b.channel_id = pc.id
    WHERE a.action = 'booking.create' AND (p_after IS NULL OR a.id > p_after)
    ORDER BY a.id DESC LIMIT CASE WHEN p_after IS NULL THEN p_limit END),
  picked AS (
    SELECT * FROM entries ORDER BY id LIMIT p_limit)
  SELECT p.id, p.at, p.name,
    ARRAY(SELECT jsonb_array_elements_text(coalesce(p.details->'seats', '[]'))),
    (jsonb_array_length(coalesce(p.details->'seats', '[]'))
      + (SELECT coalesce(sum((g->>'quantity')::int), 0)
         FROM jsonb_array_elements(coalesce(p.details->'ga', '[]')) g))::int,
    coalesce((p.details->>'amount')::bigint, 0), coalesce(p.details->>'currency', '')
  FROM picked p ORDER BY p.id;
  PERFORM set_config('app.tenancy_bypass', previous, true);
END
$$;

-- The event's partner-channel bookings for the box office's history: per booking its time and
-- tickets (seats plus standing places, cancelled ones included: velocity shows demand) since
-- p_since, and per seat the time a partner first sold it (the heatmap). A row is one or the other:
-- seat_index NULL for a booking, tickets NULL for a seat. Owner only.
CREATE FUNCTION parterre_partner_sales(p_event text, p_since timestamptz)
  RETURNS TABLE (at timestamptz, tickets int, seat_index int)
  LANGUAGE plpgsql VOLATILE
AS $$
#variable_conflict use_column
DECLARE
  previous text := coalesce(current_setting('app.tenancy_bypass', true), '');
BEGIN
  PERFORM set_config('app.tenancy_bypass', 'on', true);
  RETURN QUERY
  WITH sold AS (
    SELECT b.id, b.created_at FROM bookings b
      JOIN channels c ON c.id = b.channel_id AND c.partner_org_id = b.org_id
      JOIN events e ON e.id = c.event_id
    WHERE b.event_id = p_event AND c.event_id = p_event AND c.kind = 'partner'
      AND e.org_id = current_setting('app.org_id', true))
  SELECT s.created_at,
    ((SELECT count(*) FROM booking_seats x WHERE x.booking_id = s.id)
     + (SELECT coalesce(sum(g.quantity), 0) FROM booking_ga g WHERE g.booking_id = s.id))::int,
    NULL::int
  FROM sold s WHERE s.created_at >= p_since
  UNION ALL
  SELECT min(s.created_at), NULL::int, x.seat_index
  FROM sold s JOIN booking_seats x ON x.booking_id = s.id
  GROUP BY x.seat_index;
  PERFORM set_config('app.tenancy_bypass', previous, true);
END
$$;
