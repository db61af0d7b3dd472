-- The box office's feed reads one event's audit entries (boxoffice/feed-repo.ts). Bookings and
-- cancellations name the event in details->>'eventId'; blocks and unblocks have target
-- 'event:<id>' and no eventId in details, so substr(target, 7) (after the 6 characters of
-- 'event:') names theirs. The feed is then one index range per event instead of a scan of the
-- organisation's whole log.
--
-- A stored column rather than an index on the expression: under row-level security Postgres
-- uses an index condition only when all its functions are leakproof, and ->> and substr are not,
-- so an expression index would never serve the engine's (policy-bound) queries. A comparison of
-- the plain column is leakproof. Adding it rewrites audit_log once.
ALTER TABLE audit_log ADD COLUMN feed_event_id text
  GENERATED ALWAYS AS (coalesce(details->>'eventId', substr(target, 7))) STORED;
CREATE INDEX audit_log_event_feed_idx ON audit_log (org_id, feed_event_id, id);
