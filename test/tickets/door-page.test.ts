// The door page in a real browser (Debian chromium): the box office's door link (a door key in the
// URL fragment), a typed code admitted, the same code refused as already scanned, and the counters
// updated; a secret key in the link or typed is refused and never sent; the ticket page the QR code
// points to renders on a phone-sized screen; an expired door link says so.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { startApi, type ApiHarness } from '../api/harness.ts';

let api: ApiHarness;
let browser: Browser;

beforeAll(async () => {
  api = await startApi();
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

it('admits a typed code once, then refuses it, with live counters', async () => {
  const { eventId, secretKey: key } = api.seeded;
  const booked = await api.call('POST', `/api/v1/events/${eventId}/book`, {
    key,
    body: { seats: ['R1-3', 'R1-4'] },
  });
  const tickets = await api.call('GET', `/api/v1/bookings/${booked.body.bookingId}/tickets`, {
    key,
  });
  const [first] = tickets.body.tickets as { code: string; url: string }[];
  const link = await api.call('POST', `/api/v1/events/${eventId}/door-link`, { key });
  expect(link.status).toBe(201);
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${api.url}${link.body.path}`);
  // The key leaves the address bar at once; the counters come from the API.
  await page.waitForFunction(() => document.getElementById('sold')?.textContent === '2');
  expect(page.url()).not.toContain(link.body.key);
  await page.waitForFunction(() => document.getElementById('event')?.textContent === 'Test night');

  // A scanner reads the ticket page's URL from the QR code: the door takes it as typed input.
  await page.fill('#code', `${api.url}${first!.url}`);
  await page.click('#typed button[type=submit]');
  await page.waitForFunction(() =>
    document.getElementById('result')?.textContent?.startsWith('ADMIT'),
  );
  expect(await page.locator('#result').textContent()).toContain('Stalls · row A · seat 3');
  expect(await page.locator('#scanned').textContent()).toBe('1');

  // The same code a few seconds later (the page skips repeats within 4 s, as a camera would send).
  await page.evaluate(() => new Promise((r) => setTimeout(r, 4100)));
  await page.fill('#code', first!.code);
  await page.click('#typed button[type=submit]');
  await page.waitForFunction(() =>
    document.getElementById('result')?.textContent?.startsWith('ALREADY SCANNED'),
  );
  await page.fill('#code', 'T1.forged.code');
  await page.click('#typed button[type=submit]');
  await page.waitForFunction(() =>
    document.getElementById('result')?.textContent?.startsWith('NOT VALID'),
  );

  // The ticket page on a phone: admitted, its QR code shown, nothing overflowing sideways.
  const ticket = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await ticket.goto(`${api.url}${first!.url}`);
  expect(await ticket.locator('.state').textContent()).toContain('Admitted at');
  expect(await ticket.locator('.qr svg').count()).toBe(1);
  const overflow = await ticket.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth,
  );
  expect(overflow).toBe(false);
});

it('asks for sign-in without a session or key, and takes door keys only', async () => {
  const { eventId, secretKey } = api.seeded;
  const page = await browser.newPage();
  const sent: string[] = [];
  page.on('request', (r) => sent.push(r.headers().authorization ?? ''));
  await page.goto(`${api.url}/door/${eventId}`);
  await page.waitForSelector('#login:not([hidden])');
  await page.fill('#key', secretKey);
  await page.click('#login button');
  await page.waitForFunction(() =>
    document.getElementById('result')?.textContent?.startsWith('NOT A DOOR KEY'),
  );
  expect(await page.locator('#login').isHidden()).toBe(false);
  const link = await api.call('POST', `/api/v1/events/${eventId}/door-link`, { key: secretKey });
  await page.fill('#key', link.body.key);
  await page.click('#login button');
  await page.waitForFunction(() => document.getElementById('login')?.hidden === true);
  expect(sent.some((h) => h.includes(secretKey))).toBe(false);
});

it('refuses a secret key in the link: never stored, never sent', async () => {
  const { eventId, secretKey } = api.seeded;
  const page = await browser.newPage();
  const sent: string[] = [];
  page.on('request', (r) => sent.push(r.headers().authorization ?? ''));
  await page.goto(`${api.url}/door/${eventId}#key=${secretKey}`);
  await page.waitForFunction(() =>
    document.getElementById('result')?.textContent?.startsWith('NOT A DOOR KEY'),
  );
  expect(await page.locator('#result').textContent()).toContain('door link in the box office');
  expect(page.url()).not.toContain(secretKey);
  await page.waitForSelector('#login:not([hidden])');
  expect(await page.evaluate(() => sessionStorage.getItem('parterre.doorKey'))).toBeNull();
  expect(sent.some((h) => h.includes(secretKey))).toBe(false);
});

it('says so when the door link has expired', async () => {
  const { eventId, orgId, secretKey: key } = api.seeded;
  const link = await api.call('POST', `/api/v1/events/${eventId}/door-link`, { key });
  // Expired an hour ago, set in the database rather than waited for.
  await api.engine.ctx.db.transaction(
    (tx) =>
      tx.query("UPDATE api_keys SET expires_at = now() - interval '1 hour' WHERE id = $1", [
        link.body.keyId,
      ]),
    { orgId },
  );
  api.engine.ctx.auth.clear();
  const page = await browser.newPage();
  await page.goto(`${api.url}${link.body.path}`);
  await page.waitForFunction(() =>
    document.getElementById('result')?.textContent?.startsWith('DOOR LINK EXPIRED'),
  );
  expect(await page.locator('#result').textContent()).toMatch(
    /This door key expired at .*; ask the box office for a new door link/,
  );
});
