// GET /seatmaps: the organisation's own maps only (never another organisation's), newest edit
// first, with published versions and no documents.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hallDocument } from '../support/engine.ts';
import { startApi, type ApiHarness } from './harness.ts';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

async function create(key: string, name: string): Promise<string> {
  const res = await api.call('POST', '/api/v1/seatmaps', {
    key,
    body: { name, document: hallDocument(2, 5) },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

it('lists the organisation’s seat maps with their published versions', async () => {
  const key = api.seeded.secretKey;
  const draftOnly = await create(key, 'Draft only');
  const published = await create(key, 'Published twice');
  for (let i = 0; i < 2; i++) {
    const res = await api.call('POST', `/api/v1/seatmaps/${published}/publish`, { key });
    expect(res.status).toBe(201);
  }
  const res = await api.call('GET', '/api/v1/seatmaps', { key });
  expect(res.status).toBe(200);
  const list = res.body.seatmaps as Record<string, unknown>[];
  // The seeded event's map plus the two made here; the last edited (published) first.
  expect(list.map((m) => m.id)).toEqual(
    expect.arrayContaining([draftOnly, published, api.seeded.seatmapId]),
  );
  expect(list).toHaveLength(3);
  expect(list.find((m) => m.id === published)).toMatchObject({
    name: 'Published twice',
    draftVersion: 1,
    latestVersion: 2,
    latestSeatCount: 10,
    versions: [1, 2],
  });
  expect(list.find((m) => m.id === draftOnly)).toMatchObject({
    latestVersion: null,
    latestSeatCount: null,
    versions: [],
  });
  expect(list.every((m) => !('document' in m))).toBe(true);
});

it('never shows another organisation’s maps', async () => {
  const theirs = await create(api.otherSecretKey, 'Their hall');
  const mine = await api.call('GET', '/api/v1/seatmaps', { key: api.seeded.secretKey });
  expect(mine.body.seatmaps.map((m: { id: string }) => m.id)).not.toContain(theirs);
  const other = await api.call('GET', '/api/v1/seatmaps', { key: api.otherSecretKey });
  expect(other.body.seatmaps.map((m: { id: string }) => m.id)).toEqual([theirs]);
});

it('refuses a public key', async () => {
  const res = await api.call('GET', '/api/v1/seatmaps', { key: api.seeded.publicKey });
  expect(res.status).toBe(403);
});
