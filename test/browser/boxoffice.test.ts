// The box office in real browsers (Debian chromium) against a real engine node (Redis seat
// store, Postgres, /live and /boxoffice sockets): staff log in with email and password; two
// browsers watch one event and a hold made in one shows in the other within a second (measured
// and printed); a counter sale updates both browsers' counters and the velocity chart; a block
// is undone; seats show their sales channel; two standing places are sold at the counter (checked
// through the API) and a sale for a channel refuses a general-sale seat by name; the report page's CSV download equals the API's
// CSV; an event is duplicated and edited; staff switch organisation and sign out.
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, createUser } from '../../engine/src/auth/users.ts';
import { createOrganisation } from '../../engine/src/orgs/repo.ts';
import { startServer, type RunningServer } from '../../engine/src/server.ts';
import { launchBrowser } from '../support/browser.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';
import { uniqueName } from '../support/services.ts';
import { ensureStudioBuilt, STUDIO_DIST } from './studio-server.ts';

const PASSWORD = 'box office password 1';

let engine: TestEngine;
let server: RunningServer;
let browser: Browser;
let seeded: SeededEvent;
const staff: Record<'owner' | 'clerk', string> = { owner: '', clerk: '' };
const pageErrors: string[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ensureStudioBuilt();
  engine = await testEngine();
  seeded = await seedEvent(engine.ctx, { rows: 6, perRow: 12 });
  for (const [who, role] of [
    ['owner', 'owner'],
    ['clerk', 'boxoffice'],
  ] as const) {
    const user = await createUser(engine.ctx.db, {
      email: `${uniqueName(who)}@venue.example`,
      name: who === 'owner' ? 'Olivia Owner' : 'Carl Clerk',
      password: PASSWORD,
    });
    await addMembership(engine.ctx.db, user.id, seeded.orgId, role);
    staff[who] = user.email;
    if (who === 'owner') {
      const other = await createOrganisation(engine.ctx.db, { name: 'zzz Zeta Festival' });
      await addMembership(engine.ctx.db, user.id, other.id, 'viewer');
    }
  }
  server = await startServer(engine.ctx, { port: 0, host: '127.0.0.1', studioDir: STUDIO_DIST });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  // The server closes the engine context; the schema and keys are removed here.
  await server?.close(1000);
  await engine?.removeData();
  expect(pageErrors).toEqual([]);
});

async function newPage(viewport = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto(`${server.url}/studio/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Seat maps' }).waitFor();
}

async function openBoxOffice(page: Page): Promise<void> {
  // A direct address (as after a reload) finds the page: the engine serves the SPA for it.
  await page.goto(`${server.url}/studio/boxoffice/${seeded.eventId}`);
  await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
}

const counter = (page: Page, name: string) => page.locator(`[data-counter="${name}"]`);

/** Selects seats through the search field, as a keyboard user would. */
async function findSeats(page: Page, query: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Find seats' }).fill(query);
  await page.getByRole('textbox', { name: 'Find seats' }).press('Enter');
}

/** Waits (polling) until the locator's text equals or contains `text`. */
async function textOf(locator: Locator, text: string, exact = true): Promise<void> {
  const poll = expect.poll(async () => (await locator.textContent())?.trim() ?? '', {
    timeout: 15_000,
  });
  if (exact) await poll.toBe(text);
  else await poll.toContain(text);
}

/** The canvas pixel colour at a seat's centre, from the camera the canvas publishes. */
async function seatPixel(page: Page, seatId: string): Promise<string> {
  const layout = (await (
    await fetch(`${server.url}/api/v1/events/${seeded.eventId}/layout`, {
      headers: { authorization: `Bearer ${seeded.secretKey}` },
    })
  ).json()) as { seats: { id: string; x: number; y: number }[] };
  const seat = layout.seats.find((s) => s.id === seatId)!;
  return page.locator('.seatmap-canvas canvas').evaluate(
    (el: HTMLCanvasElement, p) => {
      const cam = {
        x: Number(el.dataset.cameraX),
        y: Number(el.dataset.cameraY),
        z: Number(el.dataset.zoom),
      };
      const dpr = window.devicePixelRatio || 1;
      const px = el
        .getContext('2d')!
        .getImageData(
          Math.round((p.x * cam.z + cam.x) * dpr),
          Math.round((p.y * cam.z + cam.y) * dpr),
          1,
          1,
        ).data;
      return `rgb(${px[0]}, ${px[1]}, ${px[2]})`;
    },
    { x: seat.x, y: seat.y },
  );
}

describe('the live box office', () => {
  let a: Page;
  let b: Page;

  it('logs staff in with email and password and lists the organisation’s seat maps', async () => {
    a = await newPage();
    await logIn(a, staff.owner);
    await a.getByRole('table', { name: 'Seat maps' }).getByText('Test hall').waitFor();
    await a.getByText('Olivia Owner').waitFor();
    b = await newPage();
    await logIn(b, staff.clerk);
  });

  it('shows a hold made in one browser in the other within a second', async () => {
    await Promise.all([openBoxOffice(a), openBoxOffice(b)]);
    const freeColour = await seatPixel(b, 'R1-1');
    await findSeats(a, 'Stalls A 1');
    await a.getByRole('heading', { name: '1 seat selected, free' }).waitFor();
    const seen = b.waitForFunction(
      () => document.querySelector('.boxoffice-map')?.getAttribute('data-held') === '1',
      undefined,
      { polling: 'raf', timeout: 15_000 },
    );
    const started = Date.now();
    await a.getByRole('button', { name: /^Hold 1 seat/ }).click();
    await seen;
    const latencyMs = Date.now() - started;
    console.log(`box office: hold in browser A visible in browser B after ${latencyMs} ms`);
    expect(latencyMs).toBeLessThan(1000);
    await textOf(a.getByRole('timer'), 'Holding 1 seat', false);
    // B's map paints the seat in the held colour (amber), not the free one.
    await expect.poll(() => seatPixel(b, 'R1-1')).not.toBe(freeColour);
    expect(await seatPixel(b, 'R1-1')).toBe('rgb(245, 159, 0)');
    await a.getByRole('button', { name: 'Release the hold' }).click();
    await b.waitForFunction(
      () => document.querySelector('.boxoffice-map')?.getAttribute('data-held') === '0',
    );
  });

  it('sells at the counter and both browsers’ counters and velocity chart follow', async () => {
    await findSeats(a, 'A 2-3');
    await a.getByText('reduced', { exact: true }).click();
    await a.getByLabel('Customer name or reference (optional)').fill('Smith');
    await a.getByRole('button', { name: 'Sell 2 seats for €50.00' }).click();
    await a.getByRole('status').filter({ hasText: 'Sold 2 seats' }).waitFor();
    for (const page of [a, b]) {
      await textOf(counter(page, 'sold'), '2');
      await textOf(counter(page, 'revenue'), '€50.00');
      await expect
        .poll(() => page.locator('.velocity rect[data-count]').last().getAttribute('data-count'))
        .toBe('2');
      await textOf(
        page.getByRole('region', { name: 'Recent changes' }),
        'Sold 2 tickets for €50.00',
        false,
      );
    }
  });

  it('blocks house seats with a reason and undoes it', async () => {
    await findSeats(b, 'Stalls B');
    await b.getByRole('button', { name: 'Block 12 seats…' }).click();
    await b.getByLabel('Why block them?').selectOption('House seats');
    await b.getByRole('button', { name: 'Block 12 seats', exact: true }).click();
    await textOf(counter(a, 'blocked'), '12');
    await b.getByRole('button', { name: 'Undo block' }).click();
    await textOf(counter(a, 'blocked'), '0');
    await b.getByRole('status').filter({ hasText: 'Undone' }).waitFor();
  });

  it('colours seats by sales channel', async () => {
    const call = (path: string, body: unknown) =>
      fetch(`${server.url}/api/v1/events/${seeded.eventId}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${seeded.secretKey}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { id: string } }));
    const channel = await call('/channels', { kind: 'online', name: 'Web shop' });
    expect(channel.status).toBe(201);
    expect((await call(`/channels/${channel.body.id}/allocate`, { seats: ['R6-1'] })).status).toBe(
      200,
    );
    // Channels are read when the box office opens.
    await b.reload();
    await b.locator('[data-connection="live"]').waitFor();
    await b.getByText('Channel', { exact: true }).click();
    await b.getByRole('list', { name: 'Legend' }).getByText('Web shop').waitFor();
    await expect.poll(() => seatPixel(b, 'R6-1')).toBe('rgb(230, 73, 128)');
    expect(await seatPixel(b, 'R6-2')).toBe('rgb(116, 192, 252)');
    await b.getByText('Status', { exact: true }).click();
  });

  it('cancels a sale only after asking', async () => {
    await findSeats(b, 'Stalls A 3');
    await b.getByRole('button', { name: 'Cancel and refund 1 seat…' }).click();
    await textOf(b.getByRole('alertdialog'), 'must get their money back', false);
    await b.getByRole('button', { name: 'Yes, cancel and refund' }).click();
    await textOf(counter(a, 'sold'), '1');
  });

  it('finds and holds the best two seats, then sells them from the hold', async () => {
    const soldBefore = Number(await counter(a, 'sold').textContent());
    await a.getByRole('spinbutton', { name: 'Best available' }).fill('2');
    await a.getByRole('button', { name: 'Find and hold' }).click();
    await a.getByRole('heading', { name: '2 seats selected, held for you' }).waitFor();
    await textOf(a.getByRole('timer'), 'Holding 2 seats', false);
    await a.getByRole('button', { name: /^Sell 2 seats for/ }).click();
    await a.getByRole('status').filter({ hasText: 'Sold 2 seats' }).waitFor();
    await textOf(counter(b, 'sold'), String(soldBefore + 2));
    expect(await a.getByRole('timer').count()).toBe(0);
  });

  it('sells two standing places at the counter', async () => {
    const api = (path: string) =>
      fetch(`${server.url}/api/v1${path}`, {
        headers: { authorization: `Bearer ${seeded.secretKey}` },
      }).then((res) => res.json());
    const standing = a.getByRole('group', { name: 'Standing', exact: true });
    await textOf(a.getByRole('group', { name: 'Standing: Standing' }), '50 places left', false);
    const more = standing.getByRole('button', { name: 'One place more in Standing' });
    await more.click();
    // Keyboard: the stepper buttons are ordinary buttons.
    await more.focus();
    await a.keyboard.press('Enter');
    await expect
      .poll(() =>
        standing.getByRole('spinbutton', { name: 'Standing places in Standing' }).inputValue(),
      )
      .toBe('2');
    await a.getByRole('button', { name: 'Sell 2 standing places (Standing 2) for €60.00' }).click();
    const sold = a.getByRole('status').filter({ hasText: 'Sold 2 standing places' });
    await sold.waitFor();
    const bookingId = /Booking (\S+)\./.exec((await sold.textContent()) ?? '')?.[1];
    expect(bookingId).toBeTruthy();
    const tickets = (await api(`/bookings/${bookingId}/tickets`)) as {
      status: string;
      tickets: unknown[];
    };
    expect(tickets.status).toBe('confirmed');
    expect(tickets.tickets).toHaveLength(2);
    const availability = (await api(`/events/${seeded.eventId}/availability`)) as {
      ga: { areaId: string; booked: number }[];
    };
    expect(availability.ga.find((g) => g.areaId === 'floor')?.booked).toBe(2);
    await textOf(a.getByRole('group', { name: 'Standing: Standing' }), '48 places left', false);
  });

  it('sells for a channel and refuses a general-sale seat by name', async () => {
    // b was reloaded after the channel Web shop was made, so it offers it.
    await b.getByLabel('Sell for').selectOption({ label: 'Web shop' });
    await findSeats(b, 'Stalls F 2');
    await b.getByRole('button', { name: /^Sell 1 seat for/ }).click();
    const refusal = b.getByRole('alert').filter({ hasText: 'Not on sale in the channel Web shop' });
    await textOf(refusal, 'Stalls row F: 2', false);
    await b.getByLabel('Sell for').selectOption({ label: 'General sale' });
  });
});

describe('reports and events', () => {
  let page: Page;

  it('downloads the same CSV as the API report and shows its totals', async () => {
    page = await newPage();
    await logIn(page, staff.owner);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Reports' })
      .click();
    await textOf(page.getByRole('table', { name: 'Sell-through per event' }), 'Test night', false);
    await page.getByRole('link', { name: 'Test night' }).click();
    await page.getByRole('heading', { name: 'By status' }).waitFor();
    for (const by of ['status', 'category']) {
      const api = await fetch(
        `${server.url}/api/v1/events/${seeded.eventId}/report?by=${by}&format=csv`,
        { headers: { authorization: `Bearer ${seeded.secretKey}` } },
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Download CSV (${by})` }).click(),
      ]);
      const file = await readFile((await download.path())!, 'utf8');
      expect(file).toBe(await api.text());
      expect(file.split('\r\n')[0]).toBe('key,currency,bookings,count,revenue');
    }
    await textOf(page.locator('[data-report="status"]'), 'Sold', false);
    const json = (await (
      await fetch(`${server.url}/api/v1/events/${seeded.eventId}/report?by=status`, {
        headers: { authorization: `Bearer ${seeded.secretKey}` },
      })
    ).json()) as { rows: { key: string; revenue: number }[] };
    const revenue = json.rows.filter((r) => r.key === 'booked').reduce((n, r) => n + r.revenue, 0);
    expect(revenue).toBeGreaterThan(0);
    await textOf(page.locator('.report-summary'), `revenue €${(revenue / 100).toFixed(2)}`, false);
  });

  it('duplicates an event for another date and lists both', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Events' })
      .click();
    await page.getByRole('link', { name: 'Duplicate Test night' }).click();
    expect(await page.getByLabel('Name').inputValue()).toBe('Test night (copy)');
    expect(await page.getByLabel('Front reduced price').inputValue()).toBe('25.00');
    await page.getByLabel('Date and time').fill('2031-05-01T19:30');
    await page.getByRole('button', { name: 'Create event' }).click();
    await textOf(page.getByRole('table', { name: 'Events' }), 'Test night (copy)', false);
    await page.reload();
    await textOf(page.getByRole('table', { name: 'Events' }), 'Test night (copy)', false);
  });

  it('edits an event in place', async () => {
    await page.getByRole('link', { name: 'Edit Test night (copy)' }).click();
    await page.getByRole('heading', { name: 'Edit event' }).waitFor();
    expect(await page.getByLabel('Name').inputValue()).toBe('Test night (copy)');
    expect(await page.getByLabel('Seat map').isDisabled()).toBe(true);
    await page.getByLabel('Name').fill('Matinee');
    await page.getByLabel('Front full price').fill('55');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await textOf(page.getByRole('table', { name: 'Events' }), 'Matinee', false);
    const events = (await (
      await fetch(`${server.url}/api/v1/events`, {
        headers: { authorization: `Bearer ${seeded.secretKey}` },
      })
    ).json()) as {
      events: { name: string; prices: { category: string; priceType: string; amount: number }[] }[];
    };
    const matinee = events.events.find((e) => e.name === 'Matinee');
    expect(matinee?.prices).toContainEqual(
      expect.objectContaining({ category: 'A', priceType: 'full', amount: 5500 }),
    );
  });

  it('switches organisation and signs out', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Events' })
      .click();
    await page.getByRole('table', { name: 'Events' }).waitFor();
    const org = page.getByRole('combobox', { name: 'Organisation' });
    const zeta = await org.locator('option', { hasText: 'Zeta Festival' }).getAttribute('value');
    await org.selectOption(zeta!);
    await page.getByText('No events yet.').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    // The session is gone on the engine too: a reload asks for a login again.
    await page.reload();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
  });
});
