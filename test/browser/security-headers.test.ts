// The studio and the demo storefront in a real browser (Debian chromium) served by `createApp`
// itself, so behind its helmet headers and Content-Security-Policy: both pages must run their
// scripts, call the API and open the live socket without a single CSP violation.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Server as IoServer } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../engine/src/http/app.ts';
import { attachLive } from '../../engine/src/live/attach.ts';
import { engineLiveDeps } from '../../engine/src/live/engine-deps.ts';
import { launchBrowser } from '../support/browser.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';
import { buildDemo, removeDemo } from './picker-server.ts';
import { ensureStudioBuilt, STUDIO_DIST } from './studio-server.ts';

let engine: TestEngine;
let seeded: SeededEvent;
let demoDir: string;
let dataDir: string;
let http: Server;
let io: IoServer;
let live: { close(): Promise<void> };
let browser: Browser;
let url: string;

beforeAll(async () => {
  ensureStudioBuilt();
  demoDir = await buildDemo();
  dataDir = await mkdtemp(join(tmpdir(), 'parterre-csp-'));
  engine = await testEngine({ store: 'memory' });
  seeded = await seedEvent(engine.ctx);
  // The storefront sells the demo organisation's events, read from DATA_DIR/demo.json.
  await writeFile(join(dataDir, 'demo.json'), JSON.stringify(seeded));
  const ctx = { ...engine.ctx, config: { ...engine.ctx.config, DATA_DIR: dataDir } };
  http = createServer(createApp(ctx, { studioDir: STUDIO_DIST, demoDir }));
  io = new IoServer(http, { transports: ['websocket', 'polling'], serveClient: false });
  live = attachLive(io, engineLiveDeps(ctx));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  http?.closeAllConnections();
  await live?.close();
  await io?.close().catch(() => undefined);
  await engine?.dispose();
  if (demoDir) await removeDemo(demoDir);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A page that records CSP violations and script errors. */
async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) problems.push(`csp: ${m.text()}`);
  });
  return { page, problems };
}

describe('pages behind the security headers', () => {
  it('serves the studio with a CSP, and it signs in and lists seat maps', async () => {
    const { page, problems } = await watchedPage();
    const res = await page.goto(`${url}/studio/`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('API key').fill(seeded.secretKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Seat maps' }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('serves the demo storefront with a CSP, and it shows the event live', async () => {
    const { page, problems } = await watchedPage();
    const res = await page.goto(`${url}/demo/${seeded.eventId}`);
    expect(res?.headers()['x-content-type-options']).toBe('nosniff');
    await page.getByRole('heading', { name: 'Test night' }).waitFor();
    await page.getByText('● live').waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('serves the API docs page, whose inline script fills in the operations', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${url}/api/v1/docs`);
    await page.waitForFunction(
      () => !document.getElementById('ops')?.textContent?.includes('Loading'),
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});
