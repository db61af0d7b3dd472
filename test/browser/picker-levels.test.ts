// The picker's levels and standing places in real Chromium against a real engine node: the
// concert hall sample has balconies at the same x/y as the stalls (only the shown level can be
// tapped), and the jazz club sample has a standing area whose places two visitors share.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createEvent, type Price } from '../../engine/src/events/repo.ts';
import { publishSeatmap } from '../../engine/src/maps/publish.ts';
import { createSeatmap } from '../../engine/src/maps/repo.ts';
import { launchBrowser } from '../support/browser.ts';
import { bundlePage, startPickerNode, type PickerNode } from './picker-server.ts';

const SDK = new URL('../../client-sdk/src/', import.meta.url).pathname;
const SAMPLES = new URL('../../seatmaps/samples/', import.meta.url);

const PAGE = `
import { mountSeatPicker } from ${JSON.stringify(`${SDK}picker/seat-picker.ts`)};
window.mountPicker = (options) => {
  const host = document.createElement('div');
  host.style.cssText = 'height:520px;width:860px';
  document.body.append(host);
  window.picker = mountSeatPicker(host, options);
  return window.picker.ready.then(() => true);
};
`;

interface PickerHandle {
  level: string | undefined;
  statusOf(id: string): string | undefined;
  screenPositionOf(id: string): { x: number; y: number } | undefined;
  standing: { areaId: string; quantity: number; price: { amount: number } | null }[];
}

let node: PickerNode;
let browser: Browser;
let code: string;
const contexts: BrowserContext[] = [];

/** Publishes a sample seat map and puts an event of it on sale in the seeded organisation. */
async function sampleEvent(sample: string, prices: Price[]): Promise<string> {
  const draft: unknown = JSON.parse(await readFile(new URL(sample, SAMPLES), 'utf8'));
  const { db } = node.engine.ctx;
  const { orgId } = node.event;
  const map = await createSeatmap(db, { orgId, name: sample, draft });
  await publishSeatmap(db, orgId, map.id);
  const event = await createEvent(db, {
    orgId,
    name: sample,
    seatmapId: map.id,
    startsAt: new Date(Date.now() + 86_400_000),
    holdTtlSeconds: 600,
    prices,
  });
  return event.id;
}

beforeAll(async () => {
  [code, browser] = await Promise.all([bundlePage(PAGE), launchBrowser()]);
  node = await startPickerNode('/nonexistent-demo-dir');
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await node?.close();
});

async function visitor(eventId: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 900, height: 800 },
    bypassCSP: true, // the inline test bundle is not a script from 'self'
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
  await page.goto(`${node.url}/healthz`); // same origin as the API, like a real storefront
  await page.setContent('<!doctype html><html><body style="margin:0"></body></html>');
  await page.addScriptTag({ content: code, type: 'module' });
  await page.waitForFunction(() => 'mountPicker' in window);
  await page.evaluate(
    ([url, publicKey, id]) =>
      (window as unknown as { mountPicker(o: object): Promise<boolean> }).mountPicker({
        url,
        publicKey,
        eventId: id,
      }),
    [node.url, node.event.publicKey, eventId] as const,
  );
  return page;
}

const levelOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { picker: PickerHandle }).picker.level);
const statusOf = (page: Page, id: string) =>
  page.evaluate(
    (seat) => (window as unknown as { picker: PickerHandle }).picker.statusOf(seat),
    id,
  );
const standing = (page: Page) =>
  page.evaluate(() => (window as unknown as { picker: PickerHandle }).picker.standing);

/** Page coordinates of a seat's centre. */
async function seatPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(
    (seat) => (window as unknown as { picker: PickerHandle }).picker.screenPositionOf(seat),
    id,
  );
  const map = await page.locator('.parterre-picker__map').boundingBox();
  if (!p || !map) throw new Error(`seat ${id} is not on screen`);
  return { x: map.x + p.x, y: map.y + p.y };
}

it('shows one level at a time: the balcony tab shows balcony seats and selecting one works', async () => {
  const eventId = await sampleEvent('concert-hall.json', [
    { category: 'A', amount: 6000, currency: 'EUR' },
    { category: 'B', amount: 4500, currency: 'EUR' },
    { category: 'C', amount: 3000, currency: 'EUR' },
    { category: 'D', amount: 2000, currency: 'EUR' },
  ]);
  const page = await visitor(eventId);
  const tabs = page.locator('.parterre-picker__level');
  await expect.poll(() => tabs.allTextContents()).toEqual(['Stalls', 'Balcony']);
  expect(await tabs.nth(0).getAttribute('aria-pressed')).toBe('true');
  expect(await levelOf(page)).toBe('stalls');

  // On the stalls level a tap where a balcony seat is drawn cannot reach it.
  const balconySeat = 'balcony-left-A-1';
  const hidden = await seatPoint(page, balconySeat);
  await page.mouse.click(hidden.x, hidden.y);
  await page.waitForTimeout(300);
  expect(await statusOf(page, balconySeat)).toBe('free');
  const stallsPicked = await statusOf(page, 'stalls-front-A-1');

  // The tabs are keyboard reachable: focus the Balcony tab and press Enter.
  await tabs.nth(1).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => levelOf(page)).toBe('balcony');
  expect(await tabs.nth(1).getAttribute('aria-pressed')).toBe('true');
  expect(await tabs.nth(0).getAttribute('aria-pressed')).toBe('false');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Balcony');

  const shown = await seatPoint(page, balconySeat);
  await page.mouse.click(shown.x, shown.y);
  await expect.poll(() => statusOf(page, balconySeat), { timeout: 10_000 }).toBe('selected');
  await expect.poll(() => page.locator(`[data-seat-id="${balconySeat}"]`).count()).toBe(1);
  // Nothing else changed on the hidden stalls level.
  expect(await statusOf(page, 'stalls-front-A-1')).toBe(stallsPicked);
});

it('a visitor holds 2 standing places; a second visitor sees 2 fewer left', async () => {
  const eventId = await sampleEvent('jazz-club.json', [
    { category: 'GA', amount: 2000, currency: 'EUR' },
    { category: 'T', amount: 4000, currency: 'EUR' },
    { category: 'BAR', amount: 3000, currency: 'EUR' },
  ]);
  const [a, b] = [await visitor(eventId), await visitor(eventId)];
  const left = (page: Page) => page.locator('.parterre-picker__ga-label').first().textContent();
  await expect.poll(() => left(b)).toContain('120 left');

  const more = a.locator('[data-ga-step="standing1"]');
  await more.focus();
  await a.keyboard.press('Enter');
  await expect.poll(() => a.locator('.parterre-picker__ga-quantity').textContent()).toBe('1');
  await a.locator('[data-ga-step="standing1"]').click();
  await expect.poll(() => a.locator('.parterre-picker__ga-quantity').textContent()).toBe('2');

  expect(await standing(a)).toEqual([
    expect.objectContaining({
      areaId: 'standing',
      quantity: 2,
      price: expect.objectContaining({ amount: 4000 }),
    }),
  ]);
  await expect
    .poll(() => a.locator('.parterre-picker__selected-ga').textContent())
    .toContain('Standing, standing × 2 — 40.00 EUR');
  await expect.poll(() => left(b), { timeout: 10_000 }).toContain('118 left');

  // Removing them from the selection releases them.
  await a.locator('.parterre-picker__selected-ga button').click();
  await expect.poll(() => left(b), { timeout: 10_000 }).toContain('120 left');
  // The other visitor may see the release before this one's answer arrives.
  await expect.poll(() => standing(a)).toEqual([]);
});
