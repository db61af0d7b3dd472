// Key and webhook management, called for organisation A with organisation B's ids (real Postgres
// and Redis): every call answers "not found" like a made-up id, A's lists show nothing of B, and
// B's keys, endpoints, delivery log and audit log are the same afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApiKeyOrigins, listApiKeys, setApiKeyOrigins } from '../../engine/src/auth/repo.ts';
import { listAudit } from '../../engine/src/audit/audit-log.ts';
import { createKey, listKeys, revokeKey } from '../../engine/src/keys/manage.ts';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  updateWebhookEndpoint,
} from '../../engine/src/webhooks/endpoints.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';

let engine: TestEngine;
let a: SeededEvent;
let b: SeededEvent;
let bEndpoint: string;
let bKey: string;

beforeAll(async () => {
  engine = await testEngine();
  a = await seedEvent(engine.ctx);
  b = await seedEvent(engine.ctx);
  const made = await createWebhookEndpoint(engine.ctx.db, b.orgId, {
    url: 'https://b.example/hooks',
  });
  bEndpoint = made.endpoint.id;
  bKey = (await createKey(engine.ctx.db, b.secret, { kind: 'public', name: 'b shop' })).id;
});
afterAll(async () => {
  await engine?.dispose();
});

async function stateOfB() {
  const { db } = engine.ctx;
  return {
    keys: await listApiKeys(db, b.orgId),
    endpoints: await listWebhookEndpoints(db, b.orgId),
    deliveries: await listWebhookDeliveries(db, b.orgId),
    audit: await listAudit(db, b.orgId),
  };
}

describe("management calls with another organisation's ids", () => {
  it('find nothing, change nothing, and answer like made-up ids', async () => {
    const { db, auth } = engine.ctx;
    const before = await stateOfB();
    for (const id of [bKey, 'key_missing0000000000000']) {
      await expect(revokeKey(db, auth, a.secret, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await setApiKeyOrigins(db, a.orgId, id, ['https://a.example'])).toBe(false);
      expect(await getApiKeyOrigins(db, a.orgId, id)).toBeUndefined();
    }
    for (const id of [bEndpoint, 'we_missing00000000000']) {
      expect(await updateWebhookEndpoint(db, a.orgId, id, { active: false })).toBeUndefined();
      expect(await deleteWebhookEndpoint(db, a.orgId, id)).toBe(false);
      expect(await listWebhookDeliveries(db, a.orgId, { endpointId: id })).toEqual([]);
    }
    expect((await listKeys(db, a.secret)).map((k) => k.id)).not.toContain(bKey);
    expect(await listWebhookEndpoints(db, a.orgId)).toEqual([]);
    expect(await stateOfB()).toEqual(before);
  });
});
