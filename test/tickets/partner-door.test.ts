// Partner-sold tickets at the owner's door, over real Postgres and Redis: the event's owner admits
// a valid ticket a partner sold through its channel (once; a cancelled one is refused), without
// reading the partner's booking, and attendance counts every organisation's admissions as numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../engine/src/errors.ts';
import { inOrg } from '../../engine/src/db/tenancy.ts';
import { ticketsOf, type TicketService } from '../../engine/src/tickets/service.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';
import { seedPartnerChannel } from '../support/partner-channel.ts';

let engine: TestEngine;
let owner: SeededEvent;
let partner: Principal;
let tickets: TicketService;

beforeAll(async () => {
  engine = await testEngine();
  const { ctx } = engine;
  owner = await seedEvent(ctx);
  partner = await seedPartnerChannel(ctx, owner, { seats: ['R1-1', 'R1-2', 'R1-3'] });
  tickets = ticketsOf(ctx);
});
afterAll(async () => {
  await engine?.dispose();
});

const codeOfPartnerSale = async (seat: string) => {
  const booked = await engine.ctx.orders.book(partner, owner.eventId, { seats: [seat], ga: [] });
  const listed = await tickets.forBooking(partner, booked.body.bookingId);
  return { bookingId: booked.body.bookingId, code: listed.tickets[0]!.code };
};

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'admitted',
    (e: { code?: string }) => e.code,
  );

describe('partner-sold tickets at the owner’s door', () => {
  it('admits a partner’s ticket once and counts it in everyone’s attendance', async () => {
    const { code } = await codeOfPartnerSale('R1-1');
    const before = await tickets.attendance(owner.secret, owner.eventId);

    const admitted = await tickets.scan(owner.secret, owner.eventId, code);
    expect(admitted).toMatchObject({
      admitted: true,
      ticket: { status: 'scanned', seat: { id: 'R1-1' }, category: 'A', priceType: 'full' },
      attendance: { scanned: before.scanned + 1, sold: before.sold },
    });
    expect(before.sold).toBe(1);
    expect(await refusal(tickets.scan(owner.secret, owner.eventId, code))).toBe('ALREADY_SCANNED');
    // The partner's door sees the same admission.
    expect(await refusal(tickets.scan(partner, owner.eventId, code))).toBe('ALREADY_SCANNED');
    expect(await tickets.attendance(partner, owner.eventId)).toEqual({
      eventId: owner.eventId,
      scanned: 1,
      sold: 1,
    });
  });

  it('counts the owner’s own sales and scans with the partner’s', async () => {
    const own = await engine.ctx.orders.book(owner.secret, owner.eventId, {
      seats: ['R4-1'],
      ga: [],
    });
    const [ticket] = (await tickets.forBooking(owner.secret, own.body.bookingId)).tickets;
    const res = await tickets.scan(owner.secret, owner.eventId, ticket!.code);
    expect(res.attendance).toEqual({ scanned: 2, sold: 2 });
  });

  it('refuses a cancelled partner ticket and another organisation’s tickets', async () => {
    const { bookingId, code } = await codeOfPartnerSale('R1-2');
    await engine.ctx.orders.cancel(partner, owner.eventId, { bookingId });
    expect(await refusal(tickets.scan(owner.secret, owner.eventId, code))).toBe('TICKET_CANCELLED');

    // An organisation that sells nothing of this event: its tickets are as unknown as forged ones.
    const stranger = await seedEvent(engine.ctx);
    const sold = await engine.ctx.orders.book(stranger.secret, stranger.eventId, {
      seats: ['R1-1'],
      ga: [],
    });
    const [theirs] = (await tickets.forBooking(stranger.secret, sold.body.bookingId)).tickets;
    expect(await refusal(tickets.scan(owner.secret, owner.eventId, theirs!.code))).toBe(
      'TICKET_INVALID',
    );
    // …nor can it admit the partner's tickets of an event it does not run.
    const { code: third } = await codeOfPartnerSale('R1-3');
    expect(await refusal(tickets.scan(stranger.secret, stranger.eventId, third))).toBe(
      'TICKET_INVALID',
    );
    expect(await refusal(tickets.scan(stranger.secret, owner.eventId, third))).toBe('NOT_FOUND');
    expect(await tickets.attendance(stranger.secret, stranger.eventId)).toMatchObject({
      scanned: 0,
      sold: 1,
    });
  });
  it('leaves the bypass off after the functions: the owner still cannot read the partner’s bookings', async () => {
    const seen = await inOrg(engine.ctx.db, owner.orgId, async (tx) => {
      await tx.query('SELECT * FROM parterre_attendance($1)', [owner.eventId]);
      await tx.query('SELECT * FROM parterre_admit_partner_ticket($1, $2, $3)', [
        owner.eventId,
        'no-such-hash',
        'test',
      ]);
      const { rows } = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM bookings WHERE org_id = $1',
        [partner.orgId],
      );
      return rows[0]!.n;
    });
    expect(seen).toBe(0);
  });
});
