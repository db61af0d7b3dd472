// The OpenAPI document is valid OpenAPI 3.1, lists every route Express actually serves under
// /api/v1, and the docs page renders without anything from the network.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiRouter } from '../../engine/src/http/app.ts';
import { startApi, type ApiHarness } from './harness.ts';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

interface Operation {
  tags: string[];
  security: unknown[];
  responses: Record<string, { content: Record<string, { schema: unknown }> }>;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** `METHOD /path` of every route on the mounted API router, from Express's own stack. */
function expressRoutes(): string[] {
  const { router } = createApiRouter(api.engine.ctx);
  return (router.stack as Layer[])
    .filter((l) => l.route)
    .flatMap((l) =>
      Object.keys(l.route!.methods).map(
        (m) => `${m.toUpperCase()} ${l.route!.path.replace(/:(\w+)/g, '{$1}')}`,
      ),
    )
    .sort();
}

it('serves a valid OpenAPI 3.1 document', async () => {
  const res = await api.call('GET', '/api/v1/openapi.json');
  expect(res.status).toBe(200);
  expect(res.body.openapi).toBe('3.1.0');
  const validator = new Validator();
  const result = await validator.validate(res.body);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  expect(validator.version).toBe('3.1');
});

it('documents every route Express serves, with security and problem+json errors', async () => {
  const doc = (await api.call('GET', '/api/v1/openapi.json')).body;
  const documented: string[] = [];
  for (const [path, item] of Object.entries(
    doc.paths as Record<string, Record<string, Operation>>,
  )) {
    for (const [method, op] of Object.entries(item)) {
      if (op.tags.includes('meta')) continue;
      documented.push(`${method.toUpperCase()} ${path}`);
      // Only staff login is open to callers without credentials.
      if (path === '/auth/login') expect(op.security).toEqual([]);
      else expect(op.security.length, `${method} ${path} security`).toBeGreaterThan(0);
      expect(op.responses['401']?.content['application/problem+json']?.schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
    }
  }
  const served = expressRoutes();
  expect(served.length).toBeGreaterThanOrEqual(20);
  expect(documented.sort()).toEqual(served);
  expect(doc.paths['/events/{id}/book'].post.security).toEqual([
    { secretKey: [] },
    { staffSession: [] },
  ]);
  expect(doc.paths['/events/{id}/holds'].post.security).toEqual([
    { secretKey: [] },
    { publicKey: [] },
    { staffSession: [] },
  ]);
  expect(doc.paths['/auth/me'].get.security).toEqual([{ staffSession: [] }]);
  // Door keys reach the door page's scan and reads only.
  const withDoorKey = Object.entries(doc.paths as Record<string, Record<string, Operation>>)
    .flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.security?.some((s) => 'doorKey' in (s as object)))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    )
    .sort();
  expect(withDoorKey).toEqual([
    'GET /events/{id}',
    'GET /events/{id}/attendance',
    'POST /events/{id}/scans',
  ]);
  expect(doc.paths['/events/{id}/scans'].post.security).toEqual([
    { secretKey: [] },
    { staffSession: [] },
    { doorKey: [] },
  ]);
  expect(doc.components.securitySchemes.doorKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  expect(doc.components.securitySchemes.staffSession).toMatchObject({
    type: 'apiKey',
    in: 'cookie',
    name: 'parterre_session',
  });
  for (const path of ['/keys', '/webhooks/endpoints']) {
    expect(doc.paths[path].post.security, path).toEqual([{ secretKey: [] }, { staffSession: [] }]);
  }
  expect(doc.paths['/webhooks/endpoints/{id}'].patch.requestBody).toBeDefined();
  expect(doc.paths['/events/{id}/book'].post.parameters).toContainEqual(
    expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
  );
  expect(doc.components.schemas.CreateSeatmapRequest.properties.document).toEqual({
    $ref: '#/components/schemas/SeatmapDocument',
  });
  // Door keys: one event, an expiry and their maker; the box office lists and revokes them.
  type Schema = { $ref?: string; properties: Record<string, unknown>; required: string[] };
  const schemaOf = (op: Operation, status: string): Schema => {
    const schema = op.responses[status]!.content['application/json']!.schema as Schema;
    return schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema;
  };
  const link = schemaOf(doc.paths['/events/{id}/door-link'].post, '201');
  expect(link.required).toEqual(expect.arrayContaining(['eventId', 'expiresAt', 'createdBy']));
  const doorKeys = doc.paths['/events/{id}/door-keys'].get as Operation;
  const doorKey = doc.paths['/events/{id}/door-keys/{keyId}'].delete as Operation;
  for (const op of [doorKeys, doorKey]) {
    expect(op.security).toEqual([{ secretKey: [] }, { staffSession: [] }]);
    expect(op.responses['404']).toBeDefined();
  }
  const listed = JSON.stringify(schemaOf(doorKeys, '200'));
  for (const field of ['expiresAt', 'createdBy', 'createdByName']) expect(listed).toContain(field);
  const keyView = JSON.stringify(schemaOf(doc.paths['/keys'].get, '200'));
  for (const field of ['eventId', 'expiresAt', 'createdBy']) expect(keyView).toContain(field);
  const createKey = doc.paths['/keys'].post.requestBody.content['application/json']
    .schema as Schema;
  const createKeyBody = createKey.$ref
    ? doc.components.schemas[createKey.$ref.split('/').pop()!]
    : createKey;
  expect(createKeyBody.properties.kind).toMatchObject({ enum: ['secret', 'public'] });
});

it('serves a self-contained docs page with an anchor for every error code', async () => {
  const res = await api.call('GET', '/api/v1/docs');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.body).toContain("fetch('openapi.json')");
  expect(res.body).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
  for (const code of ['SEATS_UNAVAILABLE', 'VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REUSED']) {
    expect(res.body).toContain(`id="problem-${code}"`);
  }
});
