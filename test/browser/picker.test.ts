// The seat picker in real Chromium against a real engine node: the demo storefront is built and
// served, visitors are browser contexts. Covers the on-sale rush race, keyboard-only selection,
// touch on a phone viewport, and checkout booking with the server-side secret key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { buildDemo, removeDemo, startPickerNode, type PickerNode } from './picker-server.ts';

type Status = 'free' | 'held' | 'booked' | 'blocked' | 'selected' | undefined;

interface PickerHandle {
  ready: Promise<void>;
  statusOf(id: string): Status;
  screenPositionOf(id: string): { x: number; y: number } | undefined;
}

let demoDir: string;
let node: PickerNode;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [demoDir, browser] = await Promise.all([buildDemo(), launchBrowser()]);
  node = await startPickerNode(demoDir);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await node?.close();
  if (demoDir) await removeDemo(demoDir);
});

async function visitor(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
  await page.goto(`${node.url}/demo/${node.event.eventId}`);
  await page.waitForFunction(() => 'parterrePicker' in window, undefined, { timeout: 20_000 });
  return page;
}

const statusOf = (page: Page, id: string) =>
  page.evaluate(
    (seat) => (window as unknown as { parterrePicker: PickerHandle }).parterrePicker.statusOf(seat),
    id,
  );

/** Page coordinates of a seat's centre, once the page stopped moving (header, resize refit). */
async function seatPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const read = () =>
    page.evaluate((seat) => {
      const map = document.querySelector('.parterre-picker__map')?.getBoundingClientRect();
      const p = (
        window as unknown as { parterrePicker: PickerHandle }
      ).parterrePicker.screenPositionOf(seat);
      return map && p ? { x: map.x + p.x, y: map.y + p.y } : undefined;
    }, id);
  const settle = () =>
    page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
  let last = await read();
  for (let i = 0; i < 20; i++) {
    await settle();
    const now = await read();
    if (now && last && now.x === last.x && now.y === last.y) return now;
    last = now;
  }
  throw new Error(`seat ${id} did not settle on screen`);
}

describe('seat picker in the demo storefront', () => {
  it('two visitors race for a seat: one holds it, the other sees it taken at once', async () => {
    const [a, b] = await Promise.all([visitor(), visitor()]);
    const [pa, pb] = await Promise.all([seatPoint(a, 'R1-5'), seatPoint(b, 'R1-5')]);
    await Promise.all([a.mouse.click(pa.x, pa.y), b.mouse.click(pb.x, pb.y)]);
    await expect
      .poll(async () => [await statusOf(a, 'R1-5'), await statusOf(b, 'R1-5')].sort(), {
        timeout: 5000,
      })
      .toEqual(['held', 'selected']);
    const loser = (await statusOf(a, 'R1-5')) === 'held' ? a : b;
    await expect.poll(() => loser.locator('#message').textContent()).toContain('R1-5');
    expect(await loser.locator('.parterre-picker__selected-seat').count()).toBe(0);
  });

  it('books the selection at checkout with the server-side key; others see it sold', async () => {
    const [buyer, watcher] = await Promise.all([visitor(), visitor()]);
    const p = await seatPoint(buyer, 'R2-3');
    await buyer.mouse.click(p.x, p.y);
    await expect.poll(() => statusOf(buyer, 'R2-3')).toBe('selected');
    await expect.poll(() => buyer.locator('#countdown').textContent()).toMatch(/held for \d+:\d\d/);
    await buyer.fill('input[name=name]', 'Ada Lovelace');
    await buyer.fill('input[name=email]', 'ada@example.org');
    await buyer.click('#checkout button[type=submit]');
    await expect.poll(() => buyer.locator('#message').textContent()).toMatch(/^Booked!/);
    await expect
      .poll(() => watcher.evaluate(() => document.documentElement.outerHTML.includes('sk_')))
      .toBe(false);
    await expect.poll(() => statusOf(watcher, 'R2-3')).toBe('booked');
    expect(await statusOf(buyer, 'R2-3')).toBe('booked');
  });

  it('selects a seat with the keyboard only and announces it', async () => {
    const page = await visitor();
    const map = page.locator('.parterre-picker__map');
    for (let i = 0; i < 10 && !(await map.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await map.evaluate((el) => el === document.activeElement)).toBe(true);
    const live = page.locator('.parterre-picker__live');
    await expect
      .poll(() => live.textContent())
      .toMatch(/^Row [A-D], seat \d+, (Front|Back), \d+\.00 EUR, /);
    // Up to the front row, then left to its first seat: the live region says when there is no more.
    for (const [key, end] of [
      ['ArrowUp', 'No more seats up'],
      ['ArrowLeft', 'No more seats to the left'],
    ] as const) {
      for (let i = 0; i < 12 && (await live.textContent())?.trim() !== end; i++) {
        await page.keyboard.press(key);
      }
      expect((await live.textContent())?.trim()).toBe(end);
    }
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => live.textContent()).toBe('Row A, seat 2, Front, 50.00 EUR, available');
    await page.keyboard.press('Enter');
    await expect.poll(() => statusOf(page, 'R1-2')).toBe('selected');
    await expect.poll(() => live.textContent()).toMatch(/selected/);
  });

  it('warns when a selection leaves a single empty seat', async () => {
    const page = await visitor();
    const p = await seatPoint(page, 'R3-2');
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => statusOf(page, 'R3-2')).toBe('selected');
    await expect
      .poll(() => page.locator('.parterre-picker__warning').textContent())
      .toContain('Row C, seat 1');
  });

  it('selects a seat with a tap on a phone', async () => {
    const page = await visitor({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    });
    const p = await seatPoint(page, 'R4-8');
    await page.touchscreen.tap(p.x, p.y);
    await expect.poll(() => statusOf(page, 'R4-8')).toBe('selected');
  });
  it('pans with one finger and pinch-zooms with two on a phone', async () => {
    const page = await visitor({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const a0 = await seatPoint(page, 'R1-1');
    const b0 = await seatPoint(page, 'R1-10');
    const cdp = await page.context().newCDPSession(page);
    const touch = (
      type: 'touchStart' | 'touchMove' | 'touchEnd',
      points: { x: number; y: number }[],
    ) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
      });
    const mid = { x: (a0.x + b0.x) / 2, y: a0.y + 40 };
    // Pinch: fingers 40 px apart move to 60 px apart around the same midpoint (zoom ×1.5).
    await touch('touchStart', [
      { x: mid.x - 20, y: mid.y },
      { x: mid.x + 20, y: mid.y },
    ]);
    for (let step = 1; step <= 5; step++) {
      const d = 20 + step * 2;
      await touch('touchMove', [
        { x: mid.x - d, y: mid.y },
        { x: mid.x + d, y: mid.y },
      ]);
    }
    await touch('touchEnd', []);
    const a1 = await seatPoint(page, 'R1-1');
    const b1 = await seatPoint(page, 'R1-10');
    expect((b1.x - a1.x) / (b0.x - a0.x)).toBeCloseTo(1.5, 1);
    // Pan: one finger drags the map 50 px left.
    await touch('touchStart', [{ x: mid.x, y: mid.y }]);
    for (let step = 1; step <= 5; step++)
      await touch('touchMove', [{ x: mid.x - step * 10, y: mid.y }]);
    await touch('touchEnd', []);
    const a2 = await seatPoint(page, 'R1-1');
    expect(a2.x - a1.x).toBeCloseTo(-50, 0);
    expect(await statusOf(page, 'R1-1')).not.toBe('selected');
  });
});
