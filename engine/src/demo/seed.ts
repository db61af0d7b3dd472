// The embedded default's first start: a demo organisation with keys, a published sample venue and
// an on-sale event, so `npm start` shows something real at once. Keys are shown only once by
// design; for this local demo they are also kept in DATA_DIR/demo.json (mode 0600) so a restart
// can print them again.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createApiKey } from '../auth/repo.ts';
import type { EngineContext } from '../context.ts';
import { asSystem } from '../db/tenancy.ts';
import { createEvent } from '../events/repo.ts';
import { acceptDocument, publishSeatmap } from '../maps/publish.ts';
import { createSeatmap } from '../maps/repo.ts';
import { createOrganisation } from '../orgs/repo.ts';

export interface DemoInfo {
  orgId: string;
  secretKey: string;
  publicKey: string;
  seatmapId: string;
  eventId: string;
}

const SAMPLE = new URL('../../../seatmaps/samples/concert-hall.json', import.meta.url);
const DAY = 86_400_000;

/** Prices per category of the sample hall, cheapest last (minor units, EUR). */
const PRICE_LADDER = [6500, 4900, 3500, 2200, 1500];

async function seed(ctx: EngineContext): Promise<DemoInfo> {
  const { db } = ctx;
  const org = await createOrganisation(db, { name: 'Demo Concert Hall' });
  const document = acceptDocument(JSON.parse(await readFile(SAMPLE, 'utf8')));
  const map = await createSeatmap(db, { orgId: org.id, name: document.name, draft: document });
  await publishSeatmap(db, org.id, map.id);
  const event = await createEvent(db, {
    orgId: org.id,
    name: 'Opening Night',
    seatmapId: map.id,
    startsAt: new Date(Math.ceil((Date.now() + 30 * DAY) / DAY) * DAY + 19.5 * 3_600_000),
    holdTtlSeconds: 900,
    prices: document.categories.map((c, i) => ({
      category: c.key,
      amount: PRICE_LADDER[Math.min(i, PRICE_LADDER.length - 1)] as number,
      currency: 'EUR',
    })),
  });
  const secret = await createApiKey(db, org.id, 'secret', 'demo server key');
  const pub = await createApiKey(db, org.id, 'public', 'demo storefront key');
  return {
    orgId: org.id,
    secretKey: secret.key,
    publicKey: pub.key,
    seatmapId: map.id,
    eventId: event.id,
  };
}

/**
 * Seeds the demo on first start (SEED_DEMO=auto: when the database has no organisation; true:
 * always when no demo file exists) and returns its keys; null when seeding is off.
 */
export async function ensureDemo(ctx: EngineContext): Promise<DemoInfo | null> {
  const mode = ctx.config.SEED_DEMO;
  if (mode === 'false') return null;
  const file = join(ctx.config.DATA_DIR, 'demo.json');
  const existing = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as DemoInfo,
    () => null,
  );
  if (existing) return existing;
  if (mode === 'auto') {
    // Across organisations on purpose: is this database empty?
    const { rows } = await asSystem(ctx.db, (tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations'),
    );
    if ((rows[0]?.n ?? 0) > 0) return null;
  }
  const info = await seed(ctx);
  await mkdir(ctx.config.DATA_DIR, { recursive: true });
  await writeFile(file, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return info;
}
