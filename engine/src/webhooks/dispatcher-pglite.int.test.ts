// The embedded default runs on PGlite (one connection): the dispatcher must claim, deliver and
// record there too, without holding a transaction open across the HTTP call.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { openDb } from '../db/open.ts';
import { createOrganisation } from '../orgs/repo.ts';
import { WebhookDispatcher } from './dispatcher.ts';
import { createWebhookEndpoint, listWebhookDeliveries } from './endpoints.ts';
import { enqueueWebhook } from './outbox.ts';
import { verifyWebhookSignature } from './signature.ts';

// The receiver listens on 127.0.0.1: allowed here (test/webhooks/ssrf.test.ts proves the refusal).
const PRIVATE_OK = { allowPrivate: true };

let db: Db;
const bodies: { signature: string; body: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    bodies.push({ signature: String(req.headers['parterre-signature']), body });
    res.end();
  });
});

beforeAll(async () => {
  db = await openDb({});
  await migrate(db);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.close();
});

describe('dispatcher on PGlite', () => {
  it('delivers a queued event once, signed', async () => {
    const org = await createOrganisation(db, { name: 'Embedded' });
    const { port } = server.address() as AddressInfo;
    const { secret } = await createWebhookEndpoint(
      db,
      org.id,
      {
        url: `http://127.0.0.1:${port}/hooks`,
      },
      PRIVATE_OK,
    );
    await db.transaction((tx) => enqueueWebhook(tx, org.id, 'event.sold_out', { eventId: 'e' }), {
      orgId: org.id,
    });
    const dispatcher = new WebhookDispatcher({
      db,
      logger: pino({ level: 'silent' }),
      ...PRIVATE_OK,
    });
    expect(await dispatcher.tick()).toBe(1);
    expect(await dispatcher.tick()).toBe(0);
    expect(bodies).toHaveLength(1);
    expect(verifyWebhookSignature(secret, bodies[0]!.signature, bodies[0]!.body, 60)).toBe(true);
    expect(await listWebhookDeliveries(db, org.id)).toMatchObject([{ statusCode: 200 }]);
  });
});
