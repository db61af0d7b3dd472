// Tickets over the real API (Postgres + Redis): codes per seat and standing place, the mobile
// ticket page, the door scan with every refusal, a concurrent double scan that admits once, and
// key rotation.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../engine/src/events/repo.ts';
import { readTicket, signTicket } from '../../engine/src/tickets/codes.ts';
import { rotateTicketKey } from '../../engine/src/tickets/keys.ts';
import { scanFeedOf, type TicketScan } from '../../engine/src/tickets/scan-feed.ts';
import { expectProblem, startApi, type ApiHarness } from '../api/harness.ts';

let api: ApiHarness;
let key: string;

interface TicketJson {
  code: string;
  url: string;
  status: string;
  scannedAt: string | null;
  seat: { id: string; label: string; row: string; section: string } | null;
  standing: { areaId: string; label: string; unit: number } | null;
  category: string | null;
  categoryLabel: string | null;
  priceType: string;
}

beforeAll(async () => {
  api = await startApi();
  key = api.seeded.secretKey;
}, 60_000);
afterAll(() => api?.close());

async function book(
  seats: string[],
  ga: { areaId: string; quantity: number }[] = [],
  eventId = api.seeded.eventId,
) {
  const res = await api.call('POST', `/api/v1/events/${eventId}/book`, {
    key,
    body: { seats, ga },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.bookingId as string;
}

async function ticketsOf(bookingId: string): Promise<TicketJson[]> {
  const res = await api.call('GET', `/api/v1/bookings/${bookingId}/tickets`, { key });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.tickets as TicketJson[];
}

const scan = (code: string, eventId = api.seeded.eventId) =>
  api.call('POST', `/api/v1/events/${eventId}/scans`, { key, body: { code } });

describe('tickets of a booking', () => {
  it('lists one signed code per seat and standing place, the same codes every time', async () => {
    const bookingId = await book(['R1-1', 'R1-2'], [{ areaId: 'floor', quantity: 2 }]);
    const tickets = await ticketsOf(bookingId);
    expect(tickets).toHaveLength(4);
    expect(tickets[0]).toMatchObject({
      status: 'valid',
      seat: { id: 'R1-1', label: '1', row: 'A', section: 'Stalls' },
      standing: null,
      category: 'A',
      categoryLabel: 'Front',
      priceType: 'full',
      url: `/tickets/${tickets[0]!.code}`,
    });
    expect(tickets[2]).toMatchObject({
      seat: null,
      standing: { areaId: 'floor', label: 'Standing', unit: 1 },
    });
    expect(tickets[3]!.standing!.unit).toBe(2);
    expect(new Set(tickets.map((t) => t.code)).size).toBe(4);
    expect(readTicket(tickets[0]!.code)).toMatchObject({
      eventId: api.seeded.eventId,
      bookingId,
      seat: 0,
    });
    expect(await ticketsOf(bookingId)).toEqual(tickets);
  });

  it('answers 404 for a missing booking and another organisation’s key', async () => {
    const bookingId = await book(['R1-3']);
    expectProblem(
      await api.call('GET', '/api/v1/bookings/bk_missing/tickets', { key }),
      404,
      'NOT_FOUND',
    );
    const other = await api.call('GET', `/api/v1/bookings/${bookingId}/tickets`, {
      key: api.otherSecretKey,
    });
    expectProblem(other, 404, 'NOT_FOUND');
  });
});

describe('the ticket page', () => {
  it('shows event, seat and category with an inline SVG QR code, on a phone-sized page', async () => {
    const [ticket] = await ticketsOf(await book(['R2-4']));
    const res = await api.call('GET', ticket!.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = res.body as string;
    expect(html).toContain('Test night');
    expect(html).toMatch(/Section<\/small><b>Stalls<\/b>/);
    expect(html).toMatch(/Row<\/small><b>B<\/b>/);
    expect(html).toMatch(/Seat<\/small><b>4<\/b>/);
    expect(html).toContain('Category <b>Front</b> · full');
    expect(html).toMatch(/<svg[^>]*viewBox/);
    expect(html).toContain('name="viewport"');
    expect(html).toContain('Valid ticket');
  });

  it('answers 404 with a plain page for forged and malformed codes', async () => {
    const [ticket] = await ticketsOf(await book(['R2-5']));
    const forged = `${ticket!.code.slice(0, -2)}${ticket!.code.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const code of [forged, 'nonsense', 'T1.e30.AAAA']) {
      const res = await api.call('GET', `/tickets/${encodeURIComponent(code)}`);
      expect(res.status, code).toBe(404);
      expect(res.body).toContain('This ticket is not valid');
    }
  });
});

describe('scanning at the door', () => {
  it('admits once, then answers ALREADY_SCANNED with the first scan time; attendance counts it', async () => {
    const before = await api.call('GET', `/api/v1/events/${api.seeded.eventId}/attendance`, {
      key,
    });
    const bookingId = await book(['R3-1', 'R3-2']);
    const [first, second] = await ticketsOf(bookingId);
    const heard: TicketScan[] = [];
    const off = scanFeedOf(api.engine.ctx.db).on((s) => heard.push(s));
    const ok = await scan(first!.code);
    off();
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({
      admitted: true,
      event: { id: api.seeded.eventId, name: 'Test night' },
      ticket: { status: 'scanned', seat: { id: 'R3-1' } },
      attendance: { scanned: before.body.scanned + 1, sold: before.body.sold + 2 },
    });
    expect(heard).toEqual([
      expect.objectContaining({
        eventId: api.seeded.eventId,
        bookingId,
        seat: 20,
        attendance: ok.body.attendance,
      }),
    ]);
    const again = await scan(first!.code);
    const problem = expectProblem(again, 409, 'ALREADY_SCANNED') as { scannedAt?: string };
    expect(problem.scannedAt).toBe(ok.body.scannedAt);
    // The ticket page and the booking's list say so too; the other seat is still valid.
    const page = await api.call('GET', first!.url);
    expect(page.body).toContain('Admitted at');
    const listed = await ticketsOf(bookingId);
    expect(listed.map((t) => t.status)).toEqual(['scanned', 'valid']);
    // The URL a phone camera reads from the QR code is accepted as well as the bare code.
    const byUrl = await scan(`https://tickets.example${second!.url}`);
    expect(byUrl.status).toBe(200);
  });

  it('admits exactly one of many simultaneous scans of one ticket', async () => {
    const [ticket] = await ticketsOf(await book(['R3-5']));
    const answers = await Promise.all(Array.from({ length: 12 }, () => scan(ticket!.code)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(
      Array(11).fill('ALREADY_SCANNED'),
    );
    const first = answers.find((a) => a.status === 200)!.body.scannedAt;
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.scannedAt).toBe(first);
  });

  it('admits exactly one of simultaneous first scans of a booking whose tickets were never listed', async () => {
    const bookingId = await book(['R3-7']);
    // Mint the code the engine will issue without issuing it: list from a copy of the booking.
    const listed = await ticketsOf(bookingId);
    await api.engine.ctx.db.transaction(
      (tx) => tx.query('DELETE FROM tickets WHERE booking_id = $1', [bookingId]),
      {
        orgId: api.seeded.orgId,
      },
    );
    const answers = await Promise.all(Array.from({ length: 6 }, () => scan(listed[0]!.code)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(5);
  });

  it('refuses another event’s ticket, a cancelled booking’s and forged codes, changing nothing', async () => {
    const { ctx } = api.engine;
    const ev = await ctx.db.transaction(
      (tx) =>
        tx.query<{ seatmap_id: string }>('SELECT seatmap_id FROM events WHERE id = $1', [
          api.seeded.eventId,
        ]),
      { orgId: api.seeded.orgId },
    );
    const second = await createEvent(ctx.db, {
      orgId: api.seeded.orgId,
      name: 'Second night',
      seatmapId: ev.rows[0]!.seatmap_id,
      startsAt: new Date(Date.now() + 2 * 86_400_000),
      prices: [
        { category: 'A', amount: 5000, currency: 'EUR' },
        { category: 'B', amount: 3000, currency: 'EUR' },
      ],
    });
    const [other] = await ticketsOf(await book(['R4-1'], [], second.id));
    expectProblem(await scan(other!.code), 409, 'WRONG_EVENT');

    const bookingId = await book(['R4-2', 'R4-3']);
    const [a, b] = await ticketsOf(bookingId);
    const cancel = await api.call('POST', `/api/v1/events/${api.seeded.eventId}/cancel`, {
      key,
      body: { seats: ['R4-2'] },
    });
    expect(cancel.status).toBe(200);
    expectProblem(await scan(a!.code), 409, 'TICKET_CANCELLED');
    expect((await api.call('GET', a!.url)).body).toContain('Cancelled');
    expect((await scan(b!.code)).status).toBe(200);

    const [c] = await ticketsOf(await book(['R4-4']));
    const claims = readTicket(c!.code)!;
    const forgeries = [
      `${c!.code.slice(0, -1)}${c!.code.endsWith('A') ? 'B' : 'A'}`,
      signTicket(randomBytes(32), claims),
      signTicket(randomBytes(32), { ...claims, keyId: 'tk_missing' }),
      'not a ticket',
    ];
    for (const code of forgeries) expectProblem(await scan(code), 422, 'TICKET_INVALID');
    expect((await ticketsOf(readTicket(c!.code)!.bookingId))[0]!.status).toBe('valid');
    // Another organisation's key cannot scan here at all: the event is as missing as a made-up one.
    const res = await api.call('POST', `/api/v1/events/${api.seeded.eventId}/scans`, {
      key: api.otherSecretKey,
      body: { code: c!.code },
    });
    expectProblem(res, 404, 'NOT_FOUND');
  });
});

describe('signing keys', () => {
  it('rotate: old codes keep working until their key is retired, new tickets use the new key', async () => {
    const { ctx } = api.engine;
    const [old] = await ticketsOf(await book(['R4-6']));
    const rotated = await rotateTicketKey(ctx.db, api.seeded.orgId);
    const [fresh] = await ticketsOf(await book(['R4-7']));
    expect(readTicket(fresh!.code)!.keyId).toBe(rotated.id);
    expect(readTicket(old!.code)!.keyId).not.toBe(rotated.id);
    expect((await api.call('GET', old!.url)).status).toBe(200);
    const retired = await api.call('POST', '/api/v1/ticket-keys/rotate', {
      key,
      body: { retirePrevious: true },
    });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ retiredPrevious: true });
    expect(retired.body.keyId).not.toBe(rotated.id);
    expectProblem(await scan(old!.code), 422, 'TICKET_INVALID');
    expectProblem(await scan(fresh!.code), 422, 'TICKET_INVALID');
    expect((await api.call('GET', old!.url)).status).toBe(404);
  });

  it('retiring a key reissues its tickets: new valid codes, the scan kept, old codes refused', async () => {
    const bookingId = await book(['R4-8', 'R4-9']);
    const [scanned, unscanned] = await ticketsOf(bookingId);
    expect((await scan(scanned!.code)).status).toBe(200);
    const [before] = await ticketsOf(bookingId);
    const rotated = await api.call('POST', '/api/v1/ticket-keys/rotate', {
      key,
      body: { retirePrevious: true },
    });
    expect(rotated.status).toBe(200);

    const after = await ticketsOf(bookingId);
    expect(after.map((t) => t.status)).toEqual(['scanned', 'valid']);
    expect(after[0]!.scannedAt).toBe(before!.scannedAt);
    for (const [i, was] of [scanned!, unscanned!].entries()) {
      const claims = readTicket(after[i]!.code)!;
      expect(after[i]!.code).not.toBe(was.code);
      expect(claims.keyId).toBe(rotated.body.keyId);
      expect(claims.serial).toBe(readTicket(was.code)!.serial + 1);
    }
    // The same new codes on every listing.
    expect((await ticketsOf(bookingId)).map((t) => t.code)).toEqual(after.map((t) => t.code));

    expectProblem(await scan(unscanned!.code), 422, 'TICKET_INVALID');
    expect((await api.call('GET', unscanned!.url)).status).toBe(404);
    expect((await api.call('GET', after[1]!.url)).status).toBe(200);
    const admitted = await scan(after[1]!.code);
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(200);
    expectProblem(await scan(after[0]!.code), 409, 'ALREADY_SCANNED');
  });
});

describe('the door page', () => {
  it('serves a phone page with a typed-code form and the camera script', async () => {
    const res = await api.call('GET', `/door/${api.seeded.eventId}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain(`data-event="${api.seeded.eventId}"`);
    expect(res.body).toContain('<script src="/door-scanner.js"');
    expect(res.body).toContain('id="code"');
    const script = await api.call('GET', '/door-scanner.js');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.body).toContain('BarcodeDetector');
    expect(script.body).toContain('/scans');
  });
});
