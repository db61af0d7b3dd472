// REST routes of tickets: the codes of a booking (for the shop to send), the door's scan, the
// event's attendance and the rotation of the organisation's signing key. The ticket page and the door page are HTML (pages.ts), not API routes.
import type { EngineContext } from '../context.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { EventIdParams } from '../holds/api-schemas.ts';
import {
  Attendance,
  BookingIdParams,
  BookingTickets,
  RotateKeyBody,
  RotatedKey,
  ScanBody,
  ScanResult,
} from './api-schemas.ts';
import { registerDoorLinkRoute } from './door-link.ts';
import { rotateTicketKey } from './keys.ts';
import { ticketsOf } from './service.ts';

/** A scanner may read the ticket page's URL from the QR code; the code is its last segment. */
export function codeOf(input: string): string {
  const trimmed = input.trim();
  const at = trimmed.lastIndexOf('/tickets/');
  if (at < 0) return trimmed;
  const tail = trimmed.slice(at + '/tickets/'.length).split(/[?#]/)[0] ?? '';
  try {
    return decodeURIComponent(tail);
  } catch {
    return tail;
  }
}

/**
 * Registers the ticket routes.
 * @example registerTicketRoutes(api, ctx);
 */
export function registerTicketRoutes(api: ApiRouter, ctx: EngineContext): void {
  const tickets = ticketsOf(ctx);
  api.add({
    method: 'get',
    path: '/bookings/:id/tickets',
    operationId: 'listBookingTickets',
    summary: 'The signed ticket codes of a booking (issued on first call), one per seat or place',
    description:
      'Each ticket has a code (what its QR code carries) and the URL of its mobile ticket page. Cancelled seats are listed with status "cancelled"; the door refuses them.',
    tag: 'tickets',
    access: 'secret',
    role: 'boxoffice',
    params: BookingIdParams,
    responses: { 200: { description: 'The tickets', schema: BookingTickets } },
    errors: [404],
    handler: async ({ params, principal }) => ({
      body: await tickets.forBooking(principal, params.id),
    }),
  });
  api.add({
    method: 'post',
    path: '/events/:id/scans',
    operationId: 'scanTicket',
    summary: 'Admit a ticket at the door (once)',
    description:
      "Verifies the code's signature and admits the ticket once, atomically: a second scan is 409 ALREADY_SCANNED with the first scan's time (`scannedAt`), another event's ticket 409 WRONG_EVENT, a cancelled booking's 409 TICKET_CANCELLED, a forged or unknown code 422 TICKET_INVALID. The event's owner also admits tickets a partner sold through one of the event's channels. `attendance` counts every organisation's sales and scans of the event.",
    tag: 'tickets',
    access: 'secret',
    role: 'boxoffice',
    door: true,
    params: EventIdParams,
    body: ScanBody,
    responses: { 200: { description: 'Admitted', schema: ScanResult } },
    errors: [404, 409, 422],
    handler: async ({ params, body, principal }) => ({
      body: await tickets.scan(principal, params.id, codeOf(body.code)),
    }),
  });
  api.add({
    method: 'post',
    path: '/ticket-keys/rotate',
    operationId: 'rotateTicketKey',
    summary: "Start a new signing key for the organisation's tickets",
    description:
      'Tickets issued from now on are signed with the new key. Codes already issued keep their key and stay valid, unless `retirePrevious` is true: then every older key is retired and its codes are refused (TICKET_INVALID) from now on; the next listing of a booking’s tickets (GET /bookings/{id}/tickets) reissues them with new codes under the new key (serial + 1, scans kept).',
    tag: 'tickets',
    access: 'secret',
    role: 'owner',
    body: RotateKeyBody,
    responses: { 200: { description: 'Rotated', schema: RotatedKey } },
    errors: [],
    handler: async ({ body, principal }) => {
      const key = await rotateTicketKey(ctx.db, principal.orgId, body);
      return { body: { keyId: key.id, retiredPrevious: body.retirePrevious } };
    },
  });
  api.add({
    method: 'get',
    path: '/events/:id/attendance',
    operationId: 'getAttendance',
    summary: 'Tickets scanned at the door vs tickets sold',
    tag: 'tickets',
    access: 'secret',
    role: 'viewer',
    door: true,
    params: EventIdParams,
    responses: { 200: { description: 'Attendance', schema: Attendance } },
    errors: [404],
    handler: async ({ params, principal }) => ({
      body: await tickets.attendance(principal, params.id),
    }),
  });
  registerDoorLinkRoute(api, ctx);
}
