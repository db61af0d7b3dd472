// The designer's on-canvas editing in a real browser (Debian chromium, real engine on Postgres):
// point editing of a section outline, the companion-seat flag, resizing and rotating a section
// with its handles (the knob flipped below a frame at the top), rulers; snapping a dragged
// section to another with a guide line; dragging an unlocked background image; the editor at
// 1024×768 with touch (folded panels, reachable tools, one-finger handles, two-finger pinch and
// pan); and a new user drawing, pricing and publishing a 500-seat hall, timed.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../engine/src/auth/repo.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import type { Point, SeatmapDocument } from '../../seatmaps/src/index.ts';
import { actionAddRow, actionAddSection } from '../../studio/src/editor/actions/index.ts';
import { hitTest } from '../../studio/src/editor/hit-test.ts';
import { TestEditor } from '../../studio/src/editor/test-editor.ts';
import { arcRowFromDrag } from '../../studio/src/editor/tools/row-tools.ts';
import { launchBrowser } from '../support/browser.ts';
import { testEngine, type TestEngine } from '../support/engine.ts';
import { uniqueName } from '../support/services.ts';
import { startStudioServer, type StudioServer } from './studio-server.ts';

let engine: TestEngine;
let server: StudioServer;
let browser: Browser;
let apiKey: string;
const pageErrors: string[] = [];

/** Where the section's empty floor is (inside the outline, away from every seat). */
const FLOOR: Point = { x: 400, y: 1000 };
const CORNER: Point = { x: 1700, y: 1100 };

/** A 1400×900 section at (300, 200) with three curved rows, built with the editor core. */
function fixture(): SeatmapDocument {
  const ed = new TestEditor();
  ed.run(actionAddSection, [{ x: 300, y: 200 }, { x: 1700, y: 200 }, CORNER, { x: 300, y: 1100 }]);
  for (const y of [400, 500, 600]) {
    const g = arcRowFromDrag({ x: 500, y }, { x: 1500, y }, ed.document.focalPoint);
    if (g) ed.run(actionAddRow, g);
  }
  const section = ed.document.sections[0];
  expect(hitTest(ed.document, ed.scene, 'main', FLOOR)?.id).toBe(section?.id);
  return ed.document;
}

beforeAll(async () => {
  engine = await testEngine({ store: 'memory' });
  const org = await createOrganisation(engine.ctx.db, { name: uniqueName('designer') });
  apiKey = (await createApiKey(engine.ctx.db, org.id, 'secret', 'designer test')).key;
  server = await startStudioServer(engine.ctx);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await engine?.dispose();
});

const apiBase = () => `${server.url.replace('/studio/', '')}/api/v1`;

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${apiBase()}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return (await res.json()) as T;
}

interface Stored {
  id: string;
  document: SeatmapDocument;
}

/** A context signed in with the API key (the studio keeps it in sessionStorage). */
async function signedIn(options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addInitScript((key) => sessionStorage.setItem('parterre.apiKey', key), apiKey);
  return context;
}

async function openMap(context: BrowserContext, id: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}?map=${encodeURIComponent(id)}`);
  await page.getByRole('application', { name: 'Seat map canvas' }).waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('parterre:seats-drawn').length > 0);
  return page;
}

/** Screen position of a world point, from the camera the canvas publishes. */
async function screen(page: Page, p: Point): Promise<Point> {
  const canvas = page.locator('.canvas');
  const box = await canvas.boundingBox();
  const cam = await canvas.evaluate((el) => ({
    x: Number(el.dataset.cameraX),
    y: Number(el.dataset.cameraY),
    zoom: Number(el.dataset.zoom),
  }));
  if (!box) throw new Error('canvas not visible');
  return { x: box.x + cam.x + p.x * cam.zoom, y: box.y + cam.y + p.y * cam.zoom };
}

const zoomOf = async (page: Page) =>
  Number(await page.locator('.canvas').getAttribute('data-zoom'));

/** Mouse drag between screen points, in small steps like a hand. */
async function mouseDrag(page: Page, a: Point, b: Point, shift = false): Promise<void> {
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  if (shift) await page.keyboard.up('Shift');
}

const saveState = (page: Page) => page.locator('[data-save-state]').getAttribute('data-save-state');

/** The plan as the engine has it once autosave has caught up. */
async function stored(page: Page, id: string): Promise<SeatmapDocument> {
  await expect.poll(() => saveState(page), { timeout: 15_000 }).toBe('saved');
  return (await api<Stored>('GET', `/seatmaps/${id}`)).document;
}

async function createMap(name: string): Promise<string> {
  return (await api<Stored>('POST', '/seatmaps', { name, document: fixture() })).id;
}

describe('designer on the canvas', () => {
  it('edits outline points, flags companions, resizes and rotates with handles', async () => {
    const id = await createMap('Handles hall');
    const context = await signedIn({ viewport: { width: 1280, height: 720 } });
    const page = await openMap(context, id);
    expect((await page.getByTestId('ruler-top').boundingBox())?.height).toBe(20);
    expect((await page.getByTestId('ruler-left').boundingBox())?.width).toBe(20);

    // Double click the floor: point editing; drag the top-right vertex 50 units out.
    const floor = await screen(page, FLOOR);
    await page.mouse.dblclick(floor.x, floor.y);
    await mouseDrag(
      page,
      await screen(page, { x: 1700, y: 200 }),
      await screen(page, { x: 1750, y: 150 }),
    );
    await expect
      .poll(async () => (await stored(page, id)).sections[0]?.outline[1])
      .toEqual({ x: 1450, y: -50 });
    await page.keyboard.press('Escape');

    // Companion seats: select the first row by a seat, tick the flag.
    const doc = await stored(page, id);
    const firstSeat = doc.sections[0]?.rows[0]?.seats[0];
    if (!firstSeat) throw new Error('fixture has no seats');
    await page.mouse.click(
      ...xy(await screen(page, { x: 300 + firstSeat.x, y: 200 + firstSeat.y })),
    );
    await expect
      .poll(() => page.getByTestId('selection-summary').textContent())
      .toMatch(/^1 selected/);
    await page.getByLabel('Companion seat').check();
    await expect
      .poll(async () =>
        (await stored(page, id)).sections[0]?.rows[0]?.seats.every((s) => s.companion),
      )
      .toBe(true);

    // Resize: select the section, zoom out to see round it, drag its right-hand handle 100
    // units further (the frame is now 300…1750 × 150…1100).
    await page.mouse.click(floor.x, floor.y);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    const zoom = await zoomOf(page);
    await mouseDrag(
      page,
      await screen(page, { x: 1750, y: 625 }),
      await screen(page, { x: 1850, y: 625 }),
    );
    const outlineBox = async () => {
      const s = (await stored(page, id)).sections[0];
      const xs = s?.outline.map((p) => p.x + (s?.transform.x ?? 0)) ?? [];
      const ys = s?.outline.map((p) => p.y + (s?.transform.y ?? 0)) ?? [];
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].map(Math.round);
    };
    await expect.poll(outlineBox).toEqual([300, 150, 1850, 1100]);
    const arc = (await stored(page, id)).sections[0]?.rows[0]?.generator;
    expect(arc?.kind === 'arc' && arc.spacing).toBeGreaterThan(25);

    // Rotate: the knob above the frame's top middle, dragged round to the right of the centre
    // with Shift (15° steps) — a quarter turn.
    const centre = { x: (300 + 1850) / 2, y: (150 + 1100) / 2 };
    const knob = await screen(page, { x: centre.x, y: 150 - 28 / zoom });
    const right = await screen(page, { x: centre.x + 500, y: centre.y });
    await mouseDrag(page, knob, right, true);
    await expect
      .poll(async () => (await stored(page, id)).sections[0]?.transform.rotation)
      .toBe(90);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await stored(page, id)).sections[0]?.transform.rotation).toBe(0);

    // Panned up (Space+drag) until the frame's top is 10 px under the canvas's top edge, the
    // knob would sit under the ruler: it flips below the frame, where it still turns it.
    const canvasTop = (await page.locator('.canvas').boundingBox())?.y ?? 0;
    const top = await screen(page, { x: centre.x, y: 150 });
    await page.keyboard.down('Space');
    await mouseDrag(page, { x: top.x, y: top.y + 200 }, { x: top.x, y: canvasTop + 10 + 200 });
    await page.keyboard.up('Space');
    const below = await screen(page, { x: centre.x, y: 1100 + 28 / zoom });
    const left = await screen(page, { x: centre.x - 500, y: centre.y });
    await mouseDrag(page, below, left, true);
    await expect
      .poll(async () => (await stored(page, id)).sections[0]?.transform.rotation)
      .toBe(90);
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('snaps a dragged section to another one and shows a guide line', async () => {
    // A (300…700 × 200…600) and B (900…1300 × 230…630) with a row each, built with the editor.
    const ed = new TestEditor();
    for (const [x, y] of [
      [300, 200],
      [900, 230],
    ] as const) {
      ed.run(actionAddSection, [
        { x, y },
        { x: x + 400, y },
        { x: x + 400, y: y + 400 },
        { x, y: y + 400 },
      ]);
      ed.run(actionAddRow, {
        kind: 'straight',
        start: { x: x + 50, y: y + 300 },
        count: 5,
        spacing: 30,
      });
    }
    const id = (
      await api<Stored>('POST', '/seatmaps', { name: 'Snap hall', document: ed.document })
    ).id;
    const context = await signedIn({ viewport: { width: 1280, height: 720 } });
    const page = await openMap(context, id);
    const canvas = page.locator('.canvas');
    // Drag A by (100, 27): its top edge comes 3 units short of B's and snaps onto it.
    const from = await screen(page, { x: 500, y: 400 });
    const to = await screen(page, { x: 600, y: 427 });
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await expect.poll(() => canvas.getAttribute('data-snap-guides')).not.toBe('0');
    // The guide is drawn on the overlay canvas between A and B, along y = 230.
    const guide = await screen(page, { x: 850, y: 230 });
    const box = await canvas.boundingBox();
    const drawn = await page.evaluate(
      ({ x, y }) => {
        const overlay = [...document.querySelectorAll('.canvas canvas')][2] as HTMLCanvasElement;
        const k = overlay.width / overlay.clientWidth;
        const ctx = overlay.getContext('2d');
        const px = ctx?.getImageData(Math.round(x * k), Math.round((y - 3) * k), 1, 7 * k).data;
        // Any opaque orange-red pixel on that short vertical stretch.
        for (let i = 0; px && i < px.length; i += 4)
          if ((px[i + 3] ?? 0) > 60 && (px[i] ?? 0) > 150 && (px[i + 2] ?? 255) < 100) return true;
        return false;
      },
      { x: guide.x - (box?.x ?? 0), y: guide.y - (box?.y ?? 0) },
    );
    expect(drawn).toBe(true);
    await page.mouse.up();
    await expect.poll(() => canvas.getAttribute('data-snap-guides')).toBe('0');
    const topOfA = async () => {
      const s = (await stored(page, id)).sections[0];
      return Math.min(...(s?.outline.map((p) => p.y + (s?.transform.y ?? 0)) ?? []));
    };
    await expect.poll(topOfA).toBe(230);
    // One undo takes the whole drag back.
    await page.keyboard.press('Control+z');
    await expect.poll(topOfA).toBe(200);
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('drags an unlocked background image in one undo step', async () => {
    // A 1×1 PNG scaled to 140×140 at (150, 80): clear of the section, which starts at (300, 200).
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const background = { url: png, opacity: 0.5, x: 150, y: 80, scale: 140, locked: false };
    const document = { ...fixture(), background };
    const id = (await api<Stored>('POST', '/seatmaps', { name: 'Traced hall', document })).id;
    const context = await signedIn({ viewport: { width: 1280, height: 720 } });
    const page = await openMap(context, id);
    const from = await screen(page, { x: 220, y: 150 });
    // Hovering the unlocked image with nothing on it offers to move it (once it has loaded).
    let wiggle = 0;
    const hoverCursor = async () => {
      await page.mouse.move(from.x + (wiggle++ % 2), from.y);
      return page.locator('.canvas').evaluate((el) => el.style.getPropertyValue('--hover-cursor'));
    };
    await expect.poll(hoverCursor).toBe('move');
    await mouseDrag(page, from, await screen(page, { x: 270, y: 190 }));
    const placed = async () => {
      const bg = (await stored(page, id)).background;
      return [bg?.x, bg?.y];
    };
    await expect.poll(placed).toEqual([200, 120]);
    await page.keyboard.press('Control+z');
    await expect.poll(placed).toEqual([150, 80]);
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('works at 1024×768 with touch: folded panels, reachable tools, handles, pinch and pan', async () => {
    const id = await createMap('Tablet hall');
    const context = await signedIn({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    const page = await openMap(context, id);
    if (process.env.STUDIO_SHOTS) await page.screenshot({ path: '/tmp/tablet-closed.png' });
    const toggle = page.getByRole('button', { name: 'Panels' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // The overview starts folded too: it would cover the plan's corner.
    expect(await page.getByRole('button', { name: 'Overview' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    const canvasBox = await page.locator('.canvas').boundingBox();
    expect(canvasBox?.width).toBeGreaterThan(900);

    // Every tool is on screen and big enough for a finger.
    const coarse = await page.evaluate(() => matchMedia('(pointer: coarse)').matches);
    for (const tool of await page
      .getByRole('navigation', { name: 'Tools' })
      .getByRole('button')
      .all()) {
      const box = await tool.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(768);
      expect(box?.height).toBeGreaterThanOrEqual(coarse ? 44 : 40);
    }

    // Tap the floor to select the section, open the panels to see it.
    const floor = await screen(page, FLOOR);
    await page.touchscreen.tap(floor.x, floor.y);
    await toggle.tap();
    await page.getByRole('button', { name: 'Hide panels' }).waitFor();
    await expect
      .poll(() => page.getByTestId('selection-summary').textContent())
      .toMatch(/^1 selected/);
    if (process.env.STUDIO_SHOTS) await page.screenshot({ path: '/tmp/tablet-open.png' });
    await page.getByRole('button', { name: 'Hide panels' }).tap();

    const cdp = await context.newCDPSession(page);
    const touch = (type: string, points: Point[]) =>
      cdp.send('Input.dispatchTouchEvent', {
        type: type as 'touchStart',
        touchPoints: points.map((p, i) => ({ x: p.x, y: p.y, id: i + 1 })),
      });

    // One finger on the right-hand handle, a little off it (fingers are imprecise).
    const corner = await screen(page, { x: 1700, y: 650 });
    const target = await screen(page, { x: 1800, y: 650 });
    await touch('touchStart', [{ x: corner.x + 6, y: corner.y + 6 }]);
    for (let i = 1; i <= 6; i++) {
      await touch('touchMove', [
        {
          x: corner.x + 6 + ((target.x - corner.x) * i) / 6,
          y: corner.y + 6 + ((target.y - corner.y) * i) / 6,
        },
      ]);
    }
    await touch('touchEnd', []);
    await expect
      .poll(async () => Math.round((await stored(page, id)).sections[0]?.outline[2]?.x ?? 0))
      .toBeGreaterThan(1400);

    // Two fingers spreading apart zoom in about their middle; moving together they pan.
    const zoomBefore = await zoomOf(page);
    const mid = { x: canvasBox!.x + canvasBox!.width / 2, y: canvasBox!.y + canvasBox!.height / 2 };
    await touch('touchStart', [
      { x: mid.x - 50, y: mid.y },
      { x: mid.x + 50, y: mid.y },
    ]);
    for (let i = 1; i <= 8; i++) {
      await touch('touchMove', [
        { x: mid.x - 50 - i * 15, y: mid.y },
        { x: mid.x + 50 + i * 15, y: mid.y },
      ]);
    }
    await touch('touchEnd', []);
    await expect.poll(() => zoomOf(page)).toBeGreaterThan(zoomBefore * 1.8);
    const xBefore = Number(await page.locator('.canvas').getAttribute('data-camera-x'));
    await touch('touchStart', [
      { x: mid.x - 50, y: mid.y },
      { x: mid.x + 50, y: mid.y },
    ]);
    for (let i = 1; i <= 8; i++) {
      await touch('touchMove', [
        { x: mid.x - 50 - i * 20, y: mid.y },
        { x: mid.x + 50 - i * 20, y: mid.y },
      ]);
    }
    await touch('touchEnd', []);
    await expect
      .poll(async () => Number(await page.locator('.canvas').getAttribute('data-camera-x')))
      .toBeLessThan(xBefore - 100);
    // The pinch and pan changed the view, not the plan.
    expect((await stored(page, id)).sections[0]?.transform).toEqual({
      x: 300,
      y: 200,
      rotation: 0,
    });
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});

describe('a new user', () => {
  it('draws, prices and publishes a 500-seat hall (timed)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const shot = async (name: string) => {
      if (process.env.STUDIO_SHOTS) await page.screenshot({ path: `/tmp/new-user-${name}.png` });
    };
    let actions = 0;
    const click = async (p: Point, shift = false) => {
      actions++;
      const at = await screen(page, p);
      if (shift) await page.keyboard.down('Shift');
      await page.mouse.click(at.x, at.y);
      if (shift) await page.keyboard.up('Shift');
    };
    const key = async (k: string) => {
      actions++;
      await page.keyboard.press(k);
    };
    const started = performance.now();

    await page.goto(server.url);
    const keyField = page.getByRole('textbox', { name: 'API key' });
    await keyField.fill(apiKey);
    await keyField.press('Enter');
    const nameField = page.getByRole('textbox', { name: 'New seat map' });
    await nameField.fill('Town hall');
    await nameField.press('Enter');
    actions += 4;
    await page.getByRole('application', { name: 'Seat map canvas' }).waitFor();

    // The hall: a section outline, then twelve curved rows facing the stage.
    await key('p');
    const corners = [
      { x: 200, y: 250 },
      { x: 1600, y: 250 },
      { x: 1600, y: 1250 },
      { x: 200, y: 1250 },
    ];
    for (const c of [...corners, corners[0] as Point]) await click(c);
    await key('c');
    const rowYs = Array.from({ length: 12 }, (_, i) => 340 + i * 65);
    for (const y of rowYs) {
      actions++;
      await mouseDrag(page, await screen(page, { x: 350, y }), await screen(page, { x: 1450, y }));
    }
    await key('v');
    const seats = Number((await page.getByTestId('seat-count').textContent())?.replace(/\D/g, ''));
    expect(seats).toBeGreaterThanOrEqual(500);
    await shot('drawn');

    // Pricing: a VIP category for the front three rows, Standard for the rest.
    await page.getByLabel('New category name').fill('VIP');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    actions += 2;
    await click({ x: 350, y: rowYs[0] as number });
    await click({ x: 350, y: rowYs[1] as number }, true);
    await click({ x: 350, y: rowYs[2] as number }, true);
    await expect
      .poll(() => page.getByTestId('selection-summary').textContent())
      .toMatch(/^3 selected/);
    await page.getByRole('button', { name: 'Assign VIP to selection' }).click();
    await click({ x: 350, y: rowYs[3] as number });
    for (const y of rowYs.slice(4)) await click({ x: 350, y }, true);
    await page.getByRole('button', { name: 'Assign Standard to selection' }).click();
    actions += 2;
    await shot('priced');

    await page.getByRole('button', { name: 'Publish' }).click();
    actions++;
    await page.getByText(/Published as version 1/).waitFor();
    const seconds = (performance.now() - started) / 1000;
    await shot('published');

    const mapId = new URL(page.url()).searchParams.get('map') as string;
    const map = await api<Stored & { versions: unknown[] }>('GET', `/seatmaps/${mapId}`);
    expect(map.versions).toHaveLength(1);
    const rows = map.document.sections[0]?.rows ?? [];
    expect(rows).toHaveLength(12);
    expect(rows.reduce((n, r) => n + r.seats.length, 0)).toBe(seats);
    expect(rows.map((r) => r.category)).toEqual([
      ...Array<string>(3).fill('VIP'),
      ...Array<string>(9).fill('STANDARD'),
    ]);
    console.log(
      JSON.stringify({ newUserHall: { seats, actions, seconds: Number(seconds.toFixed(1)) } }),
    );
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});

function xy(p: Point): [number, number] {
  return [p.x, p.y];
}
