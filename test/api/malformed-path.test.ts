// A path with malformed percent-encoding (express answers it with a 400 URIError) is the client's
// mistake: the API answers 400 VALIDATION_FAILED, the ticket and door pages an HTML page; never 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from './harness.ts';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
}, 60_000);
afterAll(() => api?.close());

describe('malformed percent-encoding in the path', () => {
  it.each([
    '/api/v1/events/%E0%A4%A',
    '/api/v1/events/%E0%A4%A/availability',
    '/api/v1/series/%zz',
  ])('GET %s answers 400 VALIDATION_FAILED naming the problem', async (path) => {
    const res = await api.call('GET', path, { key: api.seeded.secretKey });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
      detail: expect.stringContaining('percent-encoding'),
      fields: { path: 'malformed percent-encoding' },
    });
  });

  it('the ticket page answers a 404 HTML page', async () => {
    const res = await api.call('GET', '/tickets/%E0%A4%A');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.body).toContain('This ticket is not valid');
  });

  it('the door page answers a 400 HTML page', async () => {
    const res = await api.call('GET', '/door/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.body).toContain('This address is not valid');
  });

  it('a well-formed path still reaches its route', async () => {
    const res = await api.call('GET', `/api/v1/events/${api.seeded.eventId}`, {
      key: api.seeded.secretKey,
    });
    expect(res.status).toBe(200);
  });
});
