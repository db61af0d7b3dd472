// Channels, series, subscriptions and group bookings through the studio in Debian chromium,
// against a real engine (Redis seat store, Postgres): the event's owner creates a channel and
// allocates typed seats, a whole row and standing places to it (checked through the API), gives
// them back, renames the channel and deletes it from the keyboard (refused in the engine's words
// while a booking through it is live), creates a series of two events, sells a subscription
// (checked through the API) and is told in words which seat is taken when a second one asks for
// the same seats; at the box office a counter sale and a group (booked as one block) link their
// ticket pages, a group too big for any block is refused in words, and the door page is linked.
// On the Staff page the owner adds an existing user by email, changes a role, is refused demoting
// the last owner, and removes a member after confirming (each checked through the API).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, createUser } from '../../engine/src/auth/users.ts';
import { createEvent } from '../../engine/src/events/repo.ts';
import { startServer, type RunningServer } from '../../engine/src/server.ts';
import { launchBrowser } from '../support/browser.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';
import { uniqueName } from '../support/services.ts';
import { ensureStudioBuilt, STUDIO_DIST } from './studio-server.ts';

const PASSWORD = 'series channels password 1';

let engine: TestEngine;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let seeded: SeededEvent;
let secondEventId = '';
let ownerEmail = '';
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureStudioBuilt();
  engine = await testEngine();
  seeded = await seedEvent(engine.ctx, { rows: 4, perRow: 10 });
  const second = await createEvent(engine.ctx.db, {
    orgId: seeded.orgId,
    name: 'Second night',
    seatmapId: seeded.seatmapId,
    startsAt: new Date(Date.now() + 2 * 86_400_000),
    holdTtlSeconds: 600,
    prices: [
      { category: 'A', amount: 5000, currency: 'EUR' },
      { category: 'B', amount: 3000, currency: 'EUR' },
    ],
  });
  secondEventId = second.id;
  const owner = await createUser(engine.ctx.db, {
    email: `${uniqueName('owner')}@venue.example`,
    name: 'Olivia Owner',
    password: PASSWORD,
  });
  await addMembership(engine.ctx.db, owner.id, seeded.orgId, 'owner');
  ownerEmail = owner.email;
  server = await startServer(engine.ctx, { port: 0, host: '127.0.0.1', studioDir: STUDIO_DIST });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 180_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.close(1000);
  await engine?.removeData();
  expect(pageErrors).toEqual([]);
});

/** The engine's answer to a GET with the organisation's secret key. */
async function apiGet<T>(path: string): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${seeded.secretKey}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** The engine's answer to a POST with the organisation's secret key (must succeed). */
async function apiPost<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${seeded.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as T;
}

/** The aria-label or text of the focused element. */
const focused = () =>
  page.evaluate(
    () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent,
  );

interface Channel {
  id: string;
  name: string;
  seats: string[];
  ga: { areaId: string; quantity: number }[];
}

describe('channels, series and groups in the studio', () => {
  it('creates a channel and allocates typed seats, a row and standing places', async () => {
    await page.goto(`${server.url}/studio/`);
    await page.getByLabel('Email').fill(ownerEmail);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Seat maps' }).waitFor();

    // From the box office's header, as staff would get there.
    await page.goto(`${server.url}/studio/boxoffice/${seeded.eventId}`);
    await page.getByRole('link', { name: 'Channels' }).click();
    await page.getByRole('heading', { name: 'Channels of Test night' }).waitFor();
    await page.getByText('No channels yet').waitFor();

    await page.getByLabel('Kind').selectOption('online');
    await page.getByLabel('Channel name').fill('Web shop');
    await page.getByRole('button', { name: 'Create channel' }).click();
    await page.getByRole('status').filter({ hasText: 'Created Web shop' }).waitFor();

    const card = page.getByRole('region', { name: 'Web shop (Online)' });
    await card.getByLabel('Seat ids to allocate').fill('R1-1, R1-2');
    await card.getByRole('checkbox', { name: 'Stalls, row B (10)' }).check();
    await card.getByLabel('Standing places in Standing').fill('5');
    await card.getByRole('button', { name: 'Allocate to Web shop' }).click();
    await card
      .getByRole('status')
      .filter({ hasText: 'now holds 12 seats and 5 standing places' })
      .waitFor();

    const { channels } = await apiGet<{ channels: Channel[] }>(
      `/events/${seeded.eventId}/channels`,
    );
    expect(channels).toHaveLength(1);
    expect(channels[0]!.name).toBe('Web shop');
    expect([...channels[0]!.seats].sort()).toEqual(
      ['R1-1', 'R1-2', ...Array.from({ length: 10 }, (_, i) => `R2-${i + 1}`)].sort(),
    );
    expect(channels[0]!.ga).toEqual([{ areaId: 'floor', quantity: 5 }]);
    const table = page.getByRole('table', { name: 'Sell-through per channel' });
    await table
      .getByRole('row', { name: /Web shop/ })
      .getByText('12 seats + 5 standing')
      .waitFor();

    // A seat already in the channel cannot be allocated again: nothing changes, words say why.
    await card.getByLabel('Seat ids to allocate').fill('R1-1');
    await card.getByRole('button', { name: 'Allocate to Web shop' }).click();
    await card.getByRole('alert').filter({ hasText: 'Nothing was allocated: R1-1' }).waitFor();

    await card.getByRole('button', { name: 'Release unsold' }).click();
    await card.getByRole('status').filter({ hasText: 'Gave back 12 seats' }).waitFor();
    const after = await apiGet<{ channels: Channel[] }>(`/events/${seeded.eventId}/channels`);
    expect(after.channels[0]!.seats).toEqual([]);
  });

  it('renames the channel and deletes it once no booking through it is live', async () => {
    const card = page.getByRole('region', { name: 'Web shop (Online)' });
    // Rename from the keyboard: Enter opens the form with the name selected, Enter saves.
    await card.getByRole('button', { name: 'Rename Web shop' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/-rename$/);
    await page.keyboard.type('Web shop EU');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Renamed to Web shop EU.' }).waitFor();
    const renamed = page.getByRole('region', { name: 'Web shop EU (Online)' });
    await renamed.waitFor();
    const { channels } = await apiGet<{ channels: Channel[] }>(
      `/events/${seeded.eventId}/channels`,
    );
    expect(channels.map((c) => c.name)).toEqual(['Web shop EU']);

    // A live booking through the channel keeps it.
    const channelId = channels[0]!.id;
    await apiPost(`/events/${seeded.eventId}/channels/${channelId}/allocate`, { seats: ['R1-1'] });
    const booking = await apiPost<{ bookingId: string }>(`/events/${seeded.eventId}/book`, {
      seats: ['R1-1'],
      channelId,
    });
    // Delete asks first; Escape keeps the channel and gives focus back to the button.
    await renamed.getByRole('button', { name: 'Delete Web shop EU' }).click();
    const ask = renamed.getByRole('group', { name: 'Delete Web shop EU?' });
    await ask.waitFor();
    expect(await focused()).toBe('Keep it');
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await focused()).toBe('Delete Web shop EU');
    await page.keyboard.press('Enter');
    await ask.getByRole('button', { name: 'Delete Web shop EU' }).click();
    await renamed
      .getByRole('alert')
      .filter({ hasText: 'Not deleted: Web shop EU has 1 live booking' })
      .waitFor();
    // The refusal reloads the card: it now shows the seat allocated meanwhile.
    await renamed.getByText('Holds 1 seat.').waitFor();
    expect(
      (await apiGet<{ channels: Channel[] }>(`/events/${seeded.eventId}/channels`)).channels,
    ).toHaveLength(1);

    // Cancelled, the booking no longer keeps it: the seat goes back to the general sale.
    await apiPost(`/events/${seeded.eventId}/cancel`, { bookingId: booking.bookingId });
    await renamed.getByRole('button', { name: 'Delete Web shop EU' }).click();
    await ask.getByRole('button', { name: 'Delete Web shop EU' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Deleted Web shop EU; 1 seat went back to the general sale.' })
      .waitFor();
    await page.getByText('No channels yet').waitFor();
    const after = await apiGet<{ channels: Channel[] }>(`/events/${seeded.eventId}/channels`);
    expect(after.channels).toEqual([]);
  });

  it('creates a series, sells a subscription on every event and names a taken seat', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Series' })
      .click();
    await page.getByText('No series yet').waitFor();
    await page.getByRole('textbox', { name: 'New series' }).fill('Season 2027');
    await page.getByRole('button', { name: 'Create series' }).click();
    const card = page.getByRole('region', { name: 'Season 2027' });
    await card.waitFor();
    for (const name of ['Test night', 'Second night']) {
      const option = card.getByLabel('Add event').locator('option', { hasText: name });
      await card.getByLabel('Add event').selectOption((await option.getAttribute('value'))!);
      await card.getByRole('button', { name: 'Add', exact: true }).click();
      await card.getByRole('list', { name: 'Events of Season 2027' }).getByText(name).waitFor();
    }

    await card.getByLabel('Seat ids').fill('R3-1, R3-2');
    await card.getByLabel('Holder').fill('Ada Lovelace');
    await card.getByRole('button', { name: 'Subscribe' }).click();
    await card.getByRole('status').filter({ hasText: 'booked on all 2 events' }).waitFor();
    const subId = await card.locator('[data-subscription]').getAttribute('data-subscription');
    const sub = await apiGet<{
      seats: string[];
      holder: string;
      bookings: { eventId: string; status: string }[];
    }>(`/subscriptions/${subId}`);
    expect(sub.seats).toEqual(['R3-1', 'R3-2']);
    expect(sub.holder).toBe('Ada Lovelace');
    expect(sub.bookings.map((b) => b.eventId).sort()).toEqual(
      [seeded.eventId, secondEventId].sort(),
    );
    expect(sub.bookings.every((b) => b.status === 'confirmed')).toBe(true);
    // The result links each booking's tickets.
    await card
      .getByRole('button', { name: /^Tickets of / })
      .first()
      .click();
    await expect
      .poll(() => card.locator('.ticket-links a').first().getAttribute('href'))
      .toMatch(/^\/tickets\//);

    // The same seats again: all or nothing, and the words name the taken seat.
    await card.getByLabel('Seat ids').fill('R3-2, R3-3');
    await card.getByRole('button', { name: 'Subscribe' }).click();
    await card
      .getByRole('alert')
      .filter({ hasText: 'Nothing was booked: seat R3-2 is taken' })
      .waitFor();
    // Nothing of the refused subscription was booked or left held, on either event.
    for (const id of [seeded.eventId, secondEventId]) {
      const { counts } = await apiGet<{ counts: { booked: number; held: number } }>(
        `/events/${id}/availability`,
      );
      expect(counts).toMatchObject({ booked: 2, held: 0 });
    }
  });

  it('books a group as one block at the box office and links the door page', async () => {
    await page.goto(`${server.url}/studio/boxoffice/${seeded.eventId}`);
    await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('link', { name: 'Door scan' }).getAttribute('href')).toBe(
      `/door/${seeded.eventId}`,
    );
    // A link for a scanner phone carries a door key (dk_…), never a secret key.
    await page.getByRole('button', { name: 'Door link for a phone' }).click();
    const doorLink = await page.getByRole('textbox', { name: 'Door link' }).inputValue();
    expect(doorLink).toMatch(new RegExp(`/door/${seeded.eventId}#key=dk_[A-Za-z0-9_-]{43}$`));
    // The panel says until when it works and lists the event's door keys, to revoke (asked first).
    const panel = page.getByRole('region', { name: 'Door link panel' });
    await panel.getByText(/Scans tickets of this event only, until/).waitFor();
    const prefix = /#key=(dk_.{8})/.exec(doorLink)![1]!;
    const revoke = panel.getByRole('button', { name: `Revoke door key ${prefix}` });
    await revoke.waitFor();
    const { keys } = await apiGet<{ keys: { id: string; prefix: string }[] }>(
      `/events/${seeded.eventId}/door-keys`,
    );
    const made = keys.find((k) => k.prefix === prefix)!;
    page.once('dialog', (dialog) => void dialog.dismiss());
    await revoke.click();
    expect(
      (await apiGet<{ keys: { id: string }[] }>(`/events/${seeded.eventId}/door-keys`)).keys,
    ).toContainEqual(expect.objectContaining({ id: made.id }));
    // Keyboard: focus the button and press Enter, then accept the question.
    page.once('dialog', (dialog) => void dialog.accept());
    await revoke.focus();
    await page.keyboard.press('Enter');
    await revoke.waitFor({ state: 'detached' });
    const after = await apiGet<{ keys: { id: string }[] }>(`/events/${seeded.eventId}/door-keys`);
    expect(after.keys.map((k) => k.id)).not.toContain(made.id);
    await panel.getByRole('button', { name: 'Close' }).click();
    // A counter sale's message links the booking's ticket pages.
    await page.getByRole('textbox', { name: 'Find seats' }).fill('Stalls D 10');
    await page.getByRole('textbox', { name: 'Find seats' }).press('Enter');
    await page.getByRole('button', { name: /^Sell 1 seat for/ }).click();
    await page.getByRole('status').filter({ hasText: 'Sold 1 seat' }).waitFor();
    await page
      .locator('.boxoffice-side')
      .getByRole('button', { name: /^Tickets of / })
      .click();
    await page.locator('.boxoffice-side .ticket-links a', { hasText: 'Stalls D 10' }).waitFor();

    const door = await fetch(`${server.url}/door/${seeded.eventId}`);
    expect(door.status).toBe(200);
    expect(door.headers.get('content-type')).toMatch(/^text\/html/);
    await page.getByRole('button', { name: 'Group booking' }).click();
    await page.getByLabel('Group name').fill('Class 4b');
    await page.getByLabel('Group size').fill('4');
    await page.getByRole('button', { name: 'Book group' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Booked 4 seats together for Class 4b' })
      .waitFor();
    const group = page.getByRole('region', { name: 'Group booking' });
    await group.getByRole('button', { name: /^Tickets of / }).click();
    await expect.poll(() => group.locator('.ticket-links a').count()).toBe(4);
    const ticketHref = await group.locator('.ticket-links a').first().getAttribute('href');
    expect((await fetch(`${server.url}${ticketHref}`)).status).toBe(200);
    const groups = await apiGet<{ groups: { groupName: string; seats: number }[] }>(
      `/events/${seeded.eventId}/groups`,
    );
    expect(groups.groups).toEqual([expect.objectContaining({ groupName: 'Class 4b', seats: 4 })]);

    // A group bigger than any free block is refused in words, and nothing is booked.
    await page.getByLabel('Group size').fill('200');
    await page.getByRole('button', { name: 'Book group' }).click();
    await page.getByRole('alert').filter({ hasText: 'No block of 200 seats together' }).waitFor();
    const still = await apiGet<{ groups: unknown[] }>(`/events/${seeded.eventId}/groups`);
    expect(still.groups).toHaveLength(1);
  });

  it('manages staff from the Staff page: add by email, change a role, remove (asked first)', async () => {
    const bea = await createUser(engine.ctx.db, {
      email: `${uniqueName('bea')}@venue.example`,
      name: 'Bea Boxoffice',
      password: PASSWORD,
    });
    const vic = await createUser(engine.ctx.db, {
      email: `${uniqueName('vic')}@venue.example`,
      name: 'Vic Viewer',
      password: PASSWORD,
    });
    await addMembership(engine.ctx.db, vic.id, seeded.orgId, 'viewer');
    const roles = async () =>
      Object.fromEntries(
        (await apiGet<{ members: { email: string; role: string }[] }>('/members')).members.map(
          (m) => [m.email, m.role],
        ),
      );
    await page.goto(`${server.url}/studio/`);
    await page.getByRole('link', { name: 'Staff' }).click();
    const table = page.getByRole('table', { name: 'Members' });
    await table.getByText('(you)').waitFor();

    // Add from the keyboard: type the email, pick the role, Enter.
    await page.getByLabel('Add by email').fill(bea.email);
    await page.getByLabel('Role', { exact: true }).selectOption('boxoffice');
    await page.getByLabel('Add by email').press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Added ${bea.email} as Box office` })
      .waitFor();
    await table.getByText('Bea Boxoffice').waitFor();
    expect((await roles())[bea.email]).toBe('boxoffice');
    // Someone without an account: the engine's words say who creates users.
    await page.getByLabel('Add by email').fill('nobody-yet@venue.example');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('alert').filter({ hasText: 'parterre user create' }).waitFor();

    await page.getByLabel('Role of Vic Viewer').selectOption('designer');
    await page
      .getByRole('status')
      .filter({ hasText: `${vic.email} is now Designer` })
      .waitFor();
    expect((await roles())[vic.email]).toBe('designer');
    // The last owner cannot step down; the page says why and shows the role unchanged.
    await page.getByLabel('Role of Olivia Owner').selectOption('viewer');
    await page.getByRole('alert').filter({ hasText: 'last owner' }).waitFor();
    await expect.poll(() => page.getByLabel('Role of Olivia Owner').inputValue()).toBe('owner');
    expect((await roles())[ownerEmail]).toBe('owner');

    // Remove asks first: dismissed, nothing happens; accepted from the keyboard, Bea is gone.
    const remove = page.getByRole('button', { name: 'Remove Bea Boxoffice' });
    page.once('dialog', (dialog) => void dialog.dismiss());
    await remove.click();
    expect((await roles())[bea.email]).toBe('boxoffice');
    page.once('dialog', (dialog) => void dialog.accept());
    await remove.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Removed ${bea.email}` })
      .waitFor();
    await remove.waitFor({ state: 'detached' });
    expect((await roles())[bea.email]).toBeUndefined();
  });
});
