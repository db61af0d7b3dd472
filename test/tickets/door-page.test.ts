// The door page in a real browser (Debian chromium): a box-office key given in the URL fragment,
// a typed code admitted, the same code refused as already scanned, and the counters updated; the
// ticket page the QR code points to renders on a phone-sized screen.
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
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${api.url}/door/${eventId}#key=${key}`);
  // The key leaves the address bar at once; the counters come from the API.
  await page.waitForFunction(() => document.getElementById('sold')?.textContent === '2');
  expect(page.url()).not.toContain(key);
  await expect(page.locator('#event').textContent()).resolves.toBe('Test night');

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

it('asks for sign-in without a session or key', async () => {
  const page = await browser.newPage();
  await page.goto(`${api.url}/door/${api.seeded.eventId}`);
  await page.waitForSelector('#login:not([hidden])');
  await page.fill('#key', api.seeded.secretKey);
  await page.click('#login button');
  await page.waitForFunction(() => document.getElementById('login')?.hidden === true);
});
