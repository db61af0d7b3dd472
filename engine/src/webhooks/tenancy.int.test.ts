// Row-level security on the webhook and audit tables: an organisation's transaction sees only its
// own rows even when the query does not filter, and cannot write a row of another organisation.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEvent, testEngine, type TestEngine } from '../../../test/support/engine.ts';
import { asSystem, inOrg } from '../db/tenancy.ts';
import { WebhookDispatcher } from './dispatcher.ts';
import { createWebhookEndpoint } from './endpoints.ts';

// The receiver listens on 127.0.0.1: allowed here (test/webhooks/ssrf.test.ts proves the refusal).
const PRIVATE_OK = { allowPrivate: true };

const TABLES = ['webhook_endpoints', 'webhook_outbox', 'webhook_deliveries', 'audit_log'];

let engine: TestEngine;
let orgs: string[];
const server = createServer((_req, res) => res.end());

beforeAll(async () => {
  engine = await testEngine();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  orgs = [];
  for (let i = 0; i < 2; i++) {
    const ev = await seedEvent(engine.ctx);
    await createWebhookEndpoint(engine.ctx.db, ev.orgId, { url }, PRIVATE_OK);
    await engine.ctx.orders.book(ev.secret, ev.eventId, { seats: ['R1-1'] });
    orgs.push(ev.orgId);
  }
  await new WebhookDispatcher({
    db: engine.ctx.db,
    logger: pino({ level: 'silent' }),
    ...PRIVATE_OK,
  }).tick();
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await engine.dispose();
});

describe('tenant isolation of webhook and audit tables', () => {
  it('shows an organisation only its own rows, without a WHERE', async () => {
    const [a, b] = orgs as [string, string];
    for (const table of TABLES) {
      const all = await asSystem(engine.ctx.db, (tx) =>
        tx.query(`SELECT DISTINCT org_id FROM ${table} ORDER BY org_id`),
      );
      expect(all.rows, table).toEqual([a, b].sort().map((org_id) => ({ org_id })));
      const own = await inOrg(engine.ctx.db, a, (tx) =>
        tx.query(`SELECT DISTINCT org_id FROM ${table}`),
      );
      expect(own.rows, table).toEqual([{ org_id: a }]);
    }
  });

  it("refuses to write another organisation's row", async () => {
    const [a, b] = orgs as [string, string];
    for (const table of TABLES) {
      const sample = await asSystem(engine.ctx.db, (tx) =>
        tx.query<{ row: unknown }>(
          `SELECT to_jsonb(t) - 'id' AS row FROM ${table} t WHERE org_id = $1 LIMIT 1`,
          [b],
        ),
      );
      const insert = inOrg(engine.ctx.db, a, (tx) =>
        tx.query(
          `INSERT INTO ${table} SELECT * FROM jsonb_populate_record(NULL::${table}, $1 || jsonb_build_object('id', ${
            table === 'webhook_endpoints' ? `'we_forged'` : `nextval('${table}_id_seq')`
          }))`,
          [sample.rows[0]!.row],
        ),
      );
      await expect(insert, table).rejects.toThrow(/violates row-level security policy/);
    }
  });
});
