// Shared steps of the layout-to-picker tests: publish a hall as an event, fetch the layout the
// engine serves for it, and ask the seat picker's stranded-seat check about a selection there.
import { expect } from 'vitest';
import { OrphanCheck } from '../../client-sdk/src/picker/orphans.ts';
import type { PickerLayout } from '../../client-sdk/src/picker/types.ts';
import { EventLayout } from '../../engine/src/events/api-schemas.ts';
import { createEvent } from '../../engine/src/events/repo.ts';
import { publishSeatmap } from '../../engine/src/maps/publish.ts';
import { createSeatmap } from '../../engine/src/maps/repo.ts';
import type { ApiHarness } from './harness.ts';

/** Publishes `draft` as the map "Banquet" and makes event `name` of it (category A, 90 EUR). */
export async function publishEvent(api: ApiHarness, draft: unknown, name: string): Promise<string> {
  const { db } = api.engine.ctx;
  const orgId = api.seeded.orgId;
  const map = await createSeatmap(db, { orgId, name: 'Banquet', draft });
  await publishSeatmap(db, orgId, map.id);
  const event = await createEvent(db, {
    orgId,
    name,
    seatmapId: map.id,
    startsAt: new Date(Date.now() + 86_400_000),
    holdTtlSeconds: 600,
    prices: [{ category: 'A', amount: 9000, currency: 'EUR' }],
  });
  return event.id;
}

/** GET /events/:id/layout with the public key; it must answer 200 with a valid EventLayout. */
export async function fetchLayout(api: ApiHarness, eventId: string): Promise<PickerLayout> {
  const res = await api.call('GET', `/api/v1/events/${eventId}/layout`, {
    key: api.seeded.publicKey,
  });
  expect(res.status).toBe(200);
  expect(EventLayout.safeParse(res.body).success).toBe(true);
  return res.body as PickerLayout;
}

/** The seats the picker reports stranded when `selected` is taken with `sold` already gone. */
export function strandedBy(
  layout: PickerLayout,
  selected: readonly number[],
  sold: readonly number[] = [],
): number[] {
  const status = new Uint8Array(layout.seats.length);
  for (const i of sold) status[i] = 2;
  for (const i of selected) status[i] = 1;
  return new OrphanCheck(layout).created(status, selected);
}
