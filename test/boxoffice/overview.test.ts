// The multi-event overview's date filter over real Postgres: Postgres picks the events starting in
// [from, to) (offsets honoured), so the route never loads an organisation's whole event list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewEvents } from '../../engine/src/boxoffice/report-repo.ts';
import { createEvent } from '../../engine/src/events/repo.ts';
import { startApi, type ApiHarness } from '../api/harness.ts';

let api: ApiHarness;

beforeAll(async () => {
  api = await startApi();
}, 60_000);
afterAll(() => api?.close());

describe('reports overview, date filter', () => {
  it('answers the events starting in [from, to), in start order, from Postgres', async () => {
    const { db } = api.engine.ctx;
    const { orgId, seatmapId } = await (async () => {
      const ev = await api.engine.ctx.catalog.get(api.seeded.orgId, api.seeded.eventId);
      return { orgId: ev.orgId, seatmapId: ev.seatmapId };
    })();
    const at = (iso: string) =>
      createEvent(db, { orgId, seatmapId, name: `at ${iso}`, startsAt: new Date(iso) });
    const march = await at('2031-03-01T20:00:00Z');
    const april = await at('2031-04-01T20:00:00Z');
    const may = await at('2031-05-01T20:00:00Z');

    const ids = async (from?: string, to?: string) =>
      (await overviewEvents(db, orgId, from, to)).map((e) => e.id);
    expect(await ids('2031-03-01T20:00:00Z', '2031-05-01T20:00:00Z')).toEqual([march.id, april.id]);
    // 22:00 at +02:00 is 20:00 UTC: May's start is included by `from`.
    expect(await ids('2031-05-01T22:00:00+02:00')).toEqual([may.id]);
    expect(await ids(undefined, '2031-03-01T20:00:01Z')).not.toContain(april.id);
    // Instants the API accepts but Postgres would not parse as text (year 0000).
    expect(await ids('0000-01-01T00:00:00Z', '2031-04-01T20:00:00Z')).toContain(march.id);
    expect(await ids('9999-12-31T23:59:59Z')).toEqual([]);

    const res = await api.call(
      'GET',
      `/api/v1/reports/overview?from=${encodeURIComponent('2031-03-15T00:00:00Z')}&to=${encodeURIComponent('2031-04-15T00:00:00Z')}`,
      { key: api.seeded.secretKey },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.events).toMatchObject([
      { id: april.id, startsAt: '2031-04-01T20:00:00.000Z', sold: 0, capacity: 90 },
    ]);
  });
});
