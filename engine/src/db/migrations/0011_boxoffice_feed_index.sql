-- The box office's feed reads one event's audit entries (boxoffice/feed-repo.ts). Bookings and
-- cancellations name the event in details->>'eventId'; blocks and unblocks have target
-- 'event:<id>' and no eventId in details, so substr(target, 7) (after the 6 characters of
-- 'event:') names theirs. The feed is then one index range per event instead of a scan of the
-- organisation's whole log.
--
-- A column rather than an index on the expression: under row-level security Postgres uses an
-- index condition only when all its functions are leakproof, and ->> and substr are not, so an
-- expression index would never serve the engine's (policy-bound) queries; a comparison of the
-- plain column is leakproof. A trigger fills it on every insert (not GENERATED: whole-row
-- INSERT … SELECT * of audit rows keeps working), and existing rows are filled here once.
ALTER TABLE audit_log ADD COLUMN feed_event_id text;
CREATE FUNCTION parterre_audit_feed_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.feed_event_id := coalesce(NEW.details->>'eventId', substr(NEW.target, 7));
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_log_feed_event BEFORE INSERT OR UPDATE OF details, target ON audit_log
  FOR EACH ROW EXECUTE FUNCTION parterre_audit_feed_event();
UPDATE audit_log SET feed_event_id = coalesce(details->>'eventId', substr(target, 7));
CREATE INDEX audit_log_event_feed_idx ON audit_log (org_id, feed_event_id, id);

-- The owner's door and partner-sold tickets. A partner's bookings (and their tickets) keep the
-- partner's org_id, which the owner cannot read; these functions work like the parterre_*
-- functions of 0007: bypass on for their own queries and back to what it was, the caller's
-- organisation checked in the body, and only the result returned: never the booking.

-- Admits one ticket, by the SHA-256 of its code, at the door of the caller's event, when the
-- ticket belongs to a booking a partner sold through one of the event's partner channels. Answers
-- one row: result 'admitted' | 'already' | 'cancelled' | 'unknown', the (first) scan time, and
-- the admission's category and price type (what the door checks). The booking line is read
-- FOR SHARE and the UPDATE is conditional, exactly as tickets/repo.ts scanTicket does.
CREATE FUNCTION parterre_admit_partner_ticket(p_event text, p_code_hash text, p_scanned_by text)
  RETURNS TABLE (result text, admitted_at timestamptz, seat_category text, seat_price_type text)
  LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  previous text := coalesce(current_setting('app.tenancy_bypass', true), '');
  t record;
  line record;
BEGIN
  PERFORM set_config('app.tenancy_bypass', 'on', true);
  SELECT k.booking_id, k.seat_index, k.area_id INTO t
  FROM tickets k
    JOIN bookings b ON b.id = k.booking_id
    JOIN channels c ON c.id = b.channel_id
    JOIN events e ON e.id = k.event_id
  WHERE k.code_hash = p_code_hash AND k.event_id = p_event
    AND c.event_id = p_event AND c.kind = 'partner' AND c.partner_org_id = b.org_id
    AND e.org_id = current_setting('app.org_id', true);
  IF NOT FOUND THEN
    result := 'unknown';
  ELSE
    IF t.seat_index IS NOT NULL THEN
      SELECT s.live, s.category, s.price_type INTO line FROM booking_seats s
      WHERE s.booking_id = t.booking_id AND s.seat_index = t.seat_index
      ORDER BY s.live DESC LIMIT 1 FOR SHARE;
    ELSE
      SELECT g.live, g.category, g.price_type INTO line FROM booking_ga g
      WHERE g.booking_id = t.booking_id AND g.area_id = t.area_id
      ORDER BY g.live DESC LIMIT 1 FOR SHARE;
    END IF;
    IF NOT FOUND THEN
      result := 'unknown';
    ELSE
      seat_category := line.category;
      seat_price_type := line.price_type;
      IF NOT line.live THEN
        result := 'cancelled';
      ELSE
        UPDATE tickets SET scanned_at = clock_timestamp(), scanned_by = p_scanned_by
        WHERE code_hash = p_code_hash AND scanned_at IS NULL
        RETURNING scanned_at INTO admitted_at;
        IF FOUND THEN
          result := 'admitted';
        ELSE
          SELECT k.scanned_at INTO admitted_at FROM tickets k WHERE k.code_hash = p_code_hash;
          result := 'already';
        END IF;
      END IF;
    END IF;
  END IF;
  PERFORM set_config('app.tenancy_bypass', previous, true);
  RETURN NEXT;
END
$$;

-- Admissions scanned and sold of an event across organisations (owner and partners): numbers
-- only. For the event's owner or one of its partners; no row for anyone else.
CREATE FUNCTION parterre_attendance(p_event text)
  RETURNS TABLE (scanned int, sold int)
  LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  previous text := coalesce(current_setting('app.tenancy_bypass', true), '');
BEGIN
  PERFORM set_config('app.tenancy_bypass', 'on', true);
  RETURN QUERY
  SELECT
    (SELECT count(*)::int FROM tickets k WHERE k.event_id = p_event AND k.scanned_at IS NOT NULL),
    (SELECT count(*)::int FROM booking_seats s WHERE s.event_id = p_event AND s.live)
    + (SELECT coalesce(sum(g.quantity), 0)::int FROM booking_ga g
       WHERE g.event_id = p_event AND g.live)
  FROM events e
  WHERE e.id = p_event
    AND (e.org_id = current_setting('app.org_id', true)
      OR EXISTS (SELECT 1 FROM channels c WHERE c.event_id = e.id
                 AND c.partner_org_id = current_setting('app.org_id', true)));
  PERFORM set_config('app.tenancy_bypass', previous, true);
END
$$;
