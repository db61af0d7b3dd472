// The studio in a real browser (Debian chromium) against a real engine (Postgres via the
// integration setup, in-process seat store): draw a section with three curved rows, price it
// with two categories, undo/redo, save and publish, reload and find the same plan; import the
// pretix sample; open the 80,000-seat stadium and pan/zoom it.
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../engine/src/auth/repo.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { launchBrowser } from '../support/browser.ts';
import { testEngine, type TestEngine } from '../support/engine.ts';
import { uniqueName } from '../support/services.ts';
import { startStudioServer, type StudioServer } from './studio-server.ts';

const STADIUM = fileURLToPath(new URL('../../seatmaps/samples/stadium.json', import.meta.url));
const PRETIX = fileURLToPath(
  new URL('../../seatmaps/fixtures/pretix/small-hall.json', import.meta.url),
);

let engine: TestEngine;
let server: StudioServer;
let browser: Browser;
let apiKey: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  engine = await testEngine({ store: 'memory' });
  const org = await createOrganisation(engine.ctx.db, { name: uniqueName('studio') });
  apiKey = (await createApiKey(engine.ctx.db, org.id, 'secret', 'studio test')).key;
  server = await startStudioServer(engine.ctx);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await engine?.dispose();
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

async function signIn(page: Page): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Seat maps' }).waitFor();
}

/** Screen position of a world point, from the camera the canvas publishes. */
async function screen(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const canvas = page.locator('.canvas');
  const box = await canvas.boundingBox();
  const cam = await canvas.evaluate((el) => ({
    x: Number(el.dataset.cameraX),
    y: Number(el.dataset.cameraY),
    zoom: Number(el.dataset.zoom),
  }));
  if (!box) throw new Error('canvas not visible');
  return { x: box.x + cam.x + x * cam.zoom, y: box.y + cam.y + y * cam.zoom };
}

async function clickAt(page: Page, x: number, y: number, modifiers: ('Shift' | 'Alt')[] = []) {
  const p = await screen(page, x, y);
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.click(p.x, p.y);
  for (const m of modifiers) await page.keyboard.up(m);
}

async function dragAt(page: Page, from: [number, number], to: [number, number]) {
  const a = await screen(page, ...from);
  const b = await screen(page, ...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.up();
}

interface StoredMap {
  document: { sections: { outline: unknown[]; rows: { category?: string }[] }[] };
  versions: unknown[];
}

const seatCount = (page: Page) => page.getByTestId('seat-count').textContent();
const saveState = (page: Page) => page.locator('[data-save-state]').getAttribute('data-save-state');

async function api(path: string): Promise<unknown> {
  const res = await fetch(`${server.url.replace('/studio/', '')}/api/v1${path}`, {
    headers: { authorization: `Bearer ${apiKey}` },
  });
  return res.json();
}

describe('studio', () => {
  it('draws, prices, undoes, saves and publishes a plan that survives a reload', async () => {
    const page = await newPage();
    await signIn(page);
    await page.getByLabel('New seat map').fill('Browser hall');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('application', { name: 'Seat map canvas' }).waitFor();
    expect(await seatCount(page)).toBe('0 seats');

    await page.keyboard.press('p');
    for (const [x, y] of [
      [700, 420],
      [1300, 420],
      [1300, 800],
      [700, 800],
    ] as const)
      await clickAt(page, x, y);
    await clickAt(page, 700, 420);
    await page.keyboard.press('c');
    for (const y of [500, 580, 660]) await dragAt(page, [800, y], [1200, y]);
    await page.keyboard.press('v');
    const drawn = await seatCount(page);
    expect(Number(drawn?.split(' ')[0])).toBeGreaterThan(40);

    await page.getByLabel('New category name').fill('VIP');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await clickAt(page, 800, 500);
    await expect
      .poll(() => page.getByTestId('selection-summary').textContent())
      .toMatch(/^1 selected/);
    await page.getByRole('button', { name: 'Assign VIP to selection' }).click();
    await clickAt(page, 800, 580);
    await clickAt(page, 800, 660, ['Shift']);
    await page.getByRole('button', { name: 'Assign Standard to selection' }).click();

    const mapId = new URL(page.url()).searchParams.get('map') as string;
    const rowCategories = async () => {
      await expect.poll(() => saveState(page), { timeout: 10_000 }).toBe('saved');
      return ((await api(`/seatmaps/${mapId}`)) as StoredMap).document.sections[0]?.rows.map(
        (r) => r.category,
      );
    };
    expect(await rowCategories()).toEqual(['VIP', 'STANDARD', 'STANDARD']);
    await page.keyboard.press('Control+z');
    await expect.poll(rowCategories, { timeout: 15_000 }).toEqual(['VIP', undefined, undefined]);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(rowCategories, { timeout: 15_000 }).toEqual(['VIP', 'STANDARD', 'STANDARD']);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/Published as version 1/).waitFor();

    const stored = (await api(`/seatmaps/${mapId}`)) as StoredMap;
    expect(stored.versions).toHaveLength(1);
    expect(stored.document.sections[0]?.outline).toHaveLength(4);

    await page.reload();
    await page.getByRole('application', { name: 'Seat map canvas' }).waitFor();
    expect(await seatCount(page)).toBe(drawn);
    await expect.poll(() => page.getByLabel('Name of category VIP').inputValue()).toBe('VIP');
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  it('imports the pretix sample', async () => {
    const page = await newPage();
    await signIn(page);
    await page.getByLabel('Import a pretix seating plan').setInputFiles(PRETIX);
    await page.getByRole('application', { name: 'Seat map canvas' }).waitFor();
    await expect
      .poll(async () => Number((await seatCount(page))?.split(' ')[0]))
      .toBeGreaterThan(0);
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  it('opens the 80,000-seat stadium and pans and zooms it', async () => {
    const page = await newPage();
    await signIn(page);
    await page.getByLabel('Upload a Parterre seat map').setInputFiles(STADIUM);
    const canvas = page.getByRole('application', { name: 'Seat map canvas' });
    await canvas.waitFor();
    await page.waitForFunction(
      () => performance.getEntriesByName('parterre:seats-drawn').length > 0,
    );
    expect(Number((await seatCount(page))?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(80_000);

    const zoomBefore = Number(await canvas.getAttribute('data-zoom'));
    const box = await canvas.boundingBox();
    if (!box) throw new Error('canvas not visible');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -200);
    await expect
      .poll(async () => Number(await canvas.getAttribute('data-zoom')))
      .toBeGreaterThan(zoomBefore * 2);

    const xBefore = Number(await canvas.getAttribute('data-camera-x'));
    await page.keyboard.down('Space');
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 300, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    await expect
      .poll(async () => Number(await canvas.getAttribute('data-camera-x')))
      .toBeCloseTo(xBefore - 300, 0);
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await expect
      .poll(async () => Number(await canvas.getAttribute('data-zoom')))
      .toBeCloseTo(zoomBefore, 3);
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
