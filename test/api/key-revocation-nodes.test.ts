// A key revoked on one node stops working on every node at once, not after the other nodes' key
// cache (30 s) runs out: two engine nodes share Redis and Postgres, a key is used on node B (so B
// has it cached), revoked through node A's REST API, and B's next request with it is 401. The test
// waits for B to hear the revocation (an event, never a clock), then asks B.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../engine/src/auth/repo.ts';
import type { TwoNodes } from '../boxoffice/harness.ts';
import { twoNodesPerFile } from '../boxoffice/two-nodes-per-file.ts';

let nodes: TwoNodes;
twoNodesPerFile((n) => (nodes = n));

async function call(url: string, method: string, path: string, key: string, body?: unknown) {
  return fetch(`${url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Resolves when node B has dropped `keyId` on a revocation. */
function heardOnB(keyId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = nodes.ctxB.auth.onRevoked((keyIds) => {
      if (!keyIds.includes(keyId)) return;
      stop();
      resolve();
    });
  });
}

beforeAll(async () => {
  await nodes.ctxB.auth.hearsRevocations();
});

describe('a key revoked on node A', () => {
  it('DELETE /keys/:id: node B refuses the secret key it had cached', async () => {
    const { orgId, eventId, secretKey } = nodes.seeded;
    const doomed = await createApiKey(nodes.engine.ctx.db, orgId, 'secret', 'doomed');
    expect((await call(nodes.b.url, 'GET', `/events/${eventId}`, doomed.key)).status).toBe(200);

    const heard = heardOnB(doomed.id);
    const revoked = await call(nodes.a.url, 'DELETE', `/keys/${doomed.id}`, secretKey);
    expect(revoked.status).toBe(200);
    await heard;

    expect((await call(nodes.b.url, 'GET', `/events/${eventId}`, doomed.key)).status).toBe(401);
    // The node's other cached keys stay cached and valid.
    expect((await call(nodes.b.url, 'GET', `/events/${eventId}`, secretKey)).status).toBe(200);
  });

  it('DELETE /events/:id/door-keys/:keyId: node B refuses the door key it had cached', async () => {
    const { eventId, secretKey } = nodes.seeded;
    const link = await call(nodes.a.url, 'POST', `/events/${eventId}/door-link`, secretKey, {});
    expect(link.status).toBe(201);
    const { key, keyId } = (await link.json()) as { key: string; keyId: string };
    expect((await call(nodes.b.url, 'GET', `/events/${eventId}`, key)).status).toBe(200);

    const heard = heardOnB(keyId);
    const path = `/events/${eventId}/door-keys/${keyId}`;
    expect((await call(nodes.a.url, 'DELETE', path, secretKey)).status).toBe(200);
    await heard;

    expect((await call(nodes.b.url, 'GET', `/events/${eventId}`, key)).status).toBe(401);
  });
});
