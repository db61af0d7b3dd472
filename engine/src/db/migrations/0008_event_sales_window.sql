-- The on-sale window of an event: public keys may hold only while sales_open is true and now lies
-- in [sales_opens_at, sales_closes_at) (NULL: no bound). Secret keys and the box office sell
-- outside it (counter sales before the public opening, after the close).
ALTER TABLE events ADD COLUMN sales_opens_at timestamptz;
ALTER TABLE events ADD COLUMN sales_closes_at timestamptz;
ALTER TABLE events ADD CONSTRAINT events_sales_window
  CHECK (sales_opens_at IS NULL OR sales_closes_at IS NULL OR sales_opens_at < sales_closes_at);

-- "What sold first" and sales velocity read bookings of one event by time.
CREATE INDEX IF NOT EXISTS booking_seats_event_idx ON booking_seats (event_id, seat_index);
