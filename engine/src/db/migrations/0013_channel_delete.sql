-- Deleting a channel (channels/edit.ts): allowed only while no live booking was sold through it,
-- so the bookings that still name it are cancelled ones. They keep their rows for reporting and
-- lose the reference: the channel is gone, and its name stays in the audit entry of the deletion.
-- The referential action runs as the table owner, so it reaches a partner's cancelled bookings,
-- which the owner's own statements cannot see.
ALTER TABLE bookings DROP CONSTRAINT bookings_channel_id_fkey,
  ADD CONSTRAINT bookings_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES channels (id)
    ON DELETE SET NULL;
