// Seat maps and events over REST: create/validate, drafts under If-Match, publish, export and
// pretix import, then events on a published version and the layout visitors render.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../engine/src/db/tenancy.ts';
import { hallDocument } from '../support/engine.ts';
import { expectProblem, startApi, type ApiHarness } from './harness.ts';

let api: ApiHarness;
let key: string;
beforeAll(async () => {
  api = await startApi();
  key = api.seeded.secretKey;
});
afterAll(async () => {
  await api?.close();
});

type Doc = ReturnType<typeof hallDocument> & {
  sections: { rows: { seats: { id: string; x: number }[] }[] }[];
};
const doc = (rows = 2, perRow = 5) => structuredClone(hallDocument(rows, perRow)) as Doc;

async function count(table: 'seatmaps' | 'events' | 'seatmap_versions'): Promise<number> {
  const { rows } = await inOrg(api.engine.ctx.db, api.seeded.orgId, (tx) =>
    tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE org_id = $1`, [
      api.seeded.orgId,
    ]),
  );
  return rows[0]!.n;
}

/** Counts must move when something is stored, or the "stores nothing" checks prove nothing. */
it('counts what the organisation stores', async () => {
  const before = await count('seatmaps');
  await createMap();
  expect(await count('seatmaps')).toBe(before + 1);
});

async function createMap(document: unknown = doc()) {
  const res = await api.call('POST', '/api/v1/seatmaps', { key, body: { name: 'Hall', document } });
  expect(res.status).toBe(201);
  return res.body as { id: string; draftVersion: number; seatCount: number };
}

describe('seat maps', () => {
  it('creates a map from a document, with the draft version as ETag', async () => {
    const res = await api.call('POST', '/api/v1/seatmaps', {
      key,
      body: { name: 'Hall', document: doc() },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ draftVersion: 1, seatCount: 10, problems: [] });
    expect(res.body.id).toMatch(/^sm_/);
    expect(res.headers.get('etag')).toBe('"1"');
    const got = await api.call('GET', `/api/v1/seatmaps/${res.body.id}`, { key });
    expect(got.body).toMatchObject({
      id: res.body.id,
      name: 'Hall',
      draftVersion: 1,
      versions: [],
    });
    expect(got.body.document.sections[0].rows).toHaveLength(2);
  });

  it('refuses invalid documents with 422 listing each problem, storing nothing', async () => {
    const before = await count('seatmaps');
    const broken = doc();
    broken.sections[0]!.rows[0]!.seats[1]!.id = broken.sections[0]!.rows[0]!.seats[0]!.id;
    const dup = expectProblem(
      await api.call('POST', '/api/v1/seatmaps', { key, body: { name: 'Hall', document: broken } }),
      422,
      'INVALID_DOCUMENT',
    );
    expect(dup.problems).toContainEqual(
      expect.objectContaining({ code: 'DUPLICATE_SEAT_ID', severity: 'error' }),
    );
    const schema = doc() as unknown as { sections: { rows: { seats: { x: unknown }[] }[] }[] };
    schema.sections[0]!.rows[0]!.seats[0]!.x = 'left';
    const bad = expectProblem(
      await api.call('POST', '/api/v1/seatmaps', { key, body: { name: 'Hall', document: schema } }),
      422,
      'INVALID_DOCUMENT',
    );
    expect(bad.problems).toContainEqual(
      expect.objectContaining({
        code: 'SCHEMA',
        path: ['sections', 0, 'rows', 0, 'seats', 0, 'x'],
      }),
    );
    const noName = await api.call('POST', '/api/v1/seatmaps', { key, body: { document: doc() } });
    expect(expectProblem(noName, 400, 'VALIDATION_FAILED').fields).toHaveProperty('name');
    expect(await count('seatmaps')).toBe(before);
  });

  it('saves drafts only under a matching If-Match (428 without, 412 on conflict)', async () => {
    const map = await createMap();
    const path = `/api/v1/seatmaps/${map.id}/draft`;
    const next = doc(3, 5);
    expectProblem(
      await api.call('PUT', path, { key, body: { document: next } }),
      428,
      'PRECONDITION_REQUIRED',
    );
    const stale = await api.call('PUT', path, {
      key,
      body: { document: next },
      headers: { 'if-match': '"7"' },
    });
    expect(expectProblem(stale, 412, 'PRECONDITION_FAILED').detail).toMatch(/version 1, not 7/);
    const junk = await api.call('PUT', path, {
      key,
      body: { document: next },
      headers: { 'if-match': 'abc' },
    });
    expect(expectProblem(junk, 400, 'VALIDATION_FAILED').fields).toHaveProperty([
      'header.If-Match',
    ]);
    expect((await api.call('GET', `/api/v1/seatmaps/${map.id}`, { key })).body.draftVersion).toBe(
      1,
    );
    const ok = await api.call('PUT', path, {
      key,
      body: { document: next },
      headers: { 'if-match': '"1"' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ draftVersion: 2, seatCount: 15 });
    expect(ok.headers.get('etag')).toBe('"2"');
    const missing = await api.call('PUT', '/api/v1/seatmaps/sm_nope/draft', {
      key,
      body: { document: next },
      headers: { 'if-match': '1' },
    });
    expectProblem(missing, 404, 'NOT_FOUND');
  });

  it('keeps a draft with errors but refuses to publish it', async () => {
    const map = await createMap();
    const broken = doc();
    broken.sections[0]!.rows[0]!.seats[1]!.x = broken.sections[0]!.rows[0]!.seats[0]!.x;
    const saved = await api.call('PUT', `/api/v1/seatmaps/${map.id}/draft`, {
      key,
      body: { document: broken },
      headers: { 'if-match': '1' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.problems).toContainEqual(
      expect.objectContaining({ code: 'OVERLAPPING_SEATS' }),
    );
    const versions = await count('seatmap_versions');
    const refused = await api.call('POST', `/api/v1/seatmaps/${map.id}/publish`, { key });
    expect(expectProblem(refused, 422, 'INVALID_DOCUMENT').problems).toContainEqual(
      expect.objectContaining({ code: 'OVERLAPPING_SEATS' }),
    );
    expect(await count('seatmap_versions')).toBe(versions);
  });

  it('keeps compact blocks in the draft and publishes them expanded', async () => {
    const withBlock = {
      ...doc(),
      size: { width: 400, height: 500 },
      sections: [
        ...doc().sections,
        {
          type: 'section',
          id: 'balcony',
          label: 'Balcony',
          level: 'main',
          category: 'B',
          transform: { x: 50, y: 300 },
          rows: [],
          block: { kind: 'rect', rows: 2, seatsPerRow: 3, seatSpacing: 30, rowSpacing: 40 },
        },
      ],
    };
    const map = await createMap(withBlock);
    expect(map.seatCount).toBe(16);
    const draft = (await api.call('GET', `/api/v1/seatmaps/${map.id}`, { key })).body.document;
    expect(draft.sections[1]).toMatchObject({ rows: [], block: { kind: 'rect', rows: 2 } });
    const published = await api.call('POST', `/api/v1/seatmaps/${map.id}/publish`, { key });
    expect(published.body).toEqual({ version: 1, seatCount: 16 });
    const v1 = await api.call('GET', `/api/v1/seatmaps/${map.id}/export?version=1`, { key });
    expect(v1.body.sections[1].rows).toHaveLength(2);
  });

  it('publishes immutable versions and exports them as Parterre or pretix', async () => {
    const map = await createMap();
    const published = await api.call('POST', `/api/v1/seatmaps/${map.id}/publish`, { key });
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ version: 1, seatCount: 10 });
    const again = await api.call('POST', `/api/v1/seatmaps/${map.id}/publish`, { key });
    expect(again.body.version).toBe(2);
    const got = await api.call('GET', `/api/v1/seatmaps/${map.id}`, { key });
    expect(got.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const parterre = await api.call(
      'GET',
      `/api/v1/seatmaps/${map.id}/export?format=parterre&version=1`,
      { key },
    );
    expect(parterre.body).toMatchObject({ schemaVersion: 2, name: 'Test hall' });
    const pretix = await api.call('GET', `/api/v1/seatmaps/${map.id}/export?format=pretix`, {
      key,
    });
    expect(pretix.status).toBe(200);
    expect(pretix.body.zones).toHaveLength(1);
    const imported = await api.call(
      'POST',
      '/api/v1/seatmaps/import?format=pretix&name=Roundtrip',
      {
        key,
        body: pretix.body,
      },
    );
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ draftVersion: 1, seatCount: 10 });
    expect(Array.isArray(imported.body.warnings)).toBe(true);
    const noVersion = await api.call('GET', `/api/v1/seatmaps/${map.id}/export?version=9`, { key });
    expectProblem(noVersion, 404, 'NOT_FOUND');
  });

  it('refuses an unreadable pretix file and a missing format, storing nothing', async () => {
    const before = await count('seatmaps');
    const garbage = await api.call('POST', '/api/v1/seatmaps/import?format=pretix', {
      key,
      body: { zones: 3 },
    });
    expect(expectProblem(garbage, 422, 'INVALID_DOCUMENT').detail).toMatch(/pretix/);
    const noFormat = await api.call('POST', '/api/v1/seatmaps/import', {
      key,
      body: { zones: [] },
    });
    expect(expectProblem(noFormat, 400, 'VALIDATION_FAILED').fields).toHaveProperty([
      'query.format',
    ]);
    expect(await count('seatmaps')).toBe(before);
  });
});

describe('events', () => {
  const startsAt = '2027-03-01T19:30:00+01:00';

  it('creates an event on the latest published version, with prices', async () => {
    const map = await createMap();
    await api.call('POST', `/api/v1/seatmaps/${map.id}/publish`, { key });
    const res = await api.call('POST', '/api/v1/events', {
      key,
      body: {
        name: 'Première',
        seatmapId: map.id,
        startsAt,
        holdTtlSeconds: 300,
        prices: [
          { category: 'A', amount: 4500, currency: 'EUR' },
          { category: 'B', priceType: 'reduced', amount: 2000, currency: 'EUR' },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Première',
      seatmapVersion: 1,
      seatCount: 10,
      holdTtlSeconds: 300,
    });
    expect(res.body.startsAt).toBe('2027-03-01T18:30:00.000Z');
    expect(res.body.prices).toContainEqual({
      category: 'A',
      priceType: 'full',
      amount: 4500,
      currency: 'EUR',
    });
    const got = await api.call('GET', `/api/v1/events/${res.body.id}`, { key });
    expect(got.body).toEqual(res.body);
    const list = await api.call('GET', '/api/v1/events', { key });
    expect(list.body.events.map((e: { id: string }) => e.id)).toContain(res.body.id);
  });

  it('refuses unknown categories, repeated prices, unpublished or missing maps, storing nothing', async () => {
    const before = await count('events');
    const draftOnly = await createMap();
    const published = await createMap();
    await api.call('POST', `/api/v1/seatmaps/${published.id}/publish`, { key });
    const post = (body: object) =>
      api.call('POST', '/api/v1/events', { key, body: { name: 'X', startsAt, ...body } });
    const unknown = await post({
      seatmapId: published.id,
      prices: [
        { category: 'Z', amount: 1, currency: 'EUR' },
        { category: 'A', amount: 1, currency: 'EUR' },
        { category: 'A', amount: 2, currency: 'EUR' },
      ],
    });
    const fields = expectProblem(unknown, 400, 'VALIDATION_FAILED').fields!;
    expect(fields['prices[0].category']).toBe('unknown category "Z"; the map has "A", "B"');
    expect(fields['prices[2]']).toMatch(/second full price/);
    const unpublished = await post({ seatmapId: draftOnly.id });
    expect(expectProblem(unpublished, 400, 'VALIDATION_FAILED').detail).toMatch(/publish it first/);
    expectProblem(await post({ seatmapId: 'sm_nope' }), 404, 'NOT_FOUND');
    const badDate = await post({
      seatmapId: published.id,
      startsAt: 'next friday',
      holdTtlSeconds: 10 ** 6,
    });
    expect(Object.keys(expectProblem(badDate, 400, 'VALIDATION_FAILED').fields!)).toEqual([
      'startsAt',
    ]);
    const longTtl = await post({ seatmapId: published.id, holdTtlSeconds: 10 ** 6 });
    expect(expectProblem(longTtl, 400, 'VALIDATION_FAILED').fields).toHaveProperty(
      'holdTtlSeconds',
    );
    expect(await count('events')).toBe(before);
  });

  it('serves the layout to public keys: indexed seats, categories, GA areas and prices', async () => {
    const res = await api.call('GET', `/api/v1/events/${api.seeded.eventId}/layout`, {
      key: api.seeded.publicKey,
    });
    expect(res.status).toBe(200);
    expect(res.body.event).toMatchObject({
      id: api.seeded.eventId,
      name: 'Test night',
      salesOpen: true,
    });
    expect(res.body.seats).toHaveLength(40);
    expect(res.body.seats[0]).toEqual({
      index: 0,
      id: 'R1-1',
      label: '1',
      row: 'A',
      section: 'Stalls',
      level: 'main',
      category: 'A',
      x: 50,
      y: 80,
      flags: [],
    });
    expect(res.body.levels).toEqual([{ id: 'main', name: 'Main floor' }]);
    expect(res.body.categories.map((c: { key: string }) => c.key)).toEqual(['A', 'B']);
    expect(res.body.gaAreas).toEqual([expect.objectContaining({ id: 'floor', capacity: 50 })]);
    expect(res.body.prices).toContainEqual({
      category: 'A',
      priceType: 'full',
      amount: 5000,
      currency: 'EUR',
    });
  });
});
