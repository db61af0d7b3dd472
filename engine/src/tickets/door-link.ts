// The door link the box office hands to a scanner phone: /door/<event>#key=dk_…, with a door key
// made for it on demand. A door key can only scan tickets and read the event and its attendance
// (auth/door.ts), so box-office staff, who may scan anyway, may make one; other keys stay the
// owner's to hand out (keys/routes.ts). The key is in the answer only: it is stored as its hash.
// It opens this one event and expires after the night (doorKeyExpiry), and records who made it;
// the box office lists and revokes the event's door keys (keys/door-key-routes.ts).
import { z } from 'zod';
import type { EngineContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { EventIdParams } from '../holds/api-schemas.ts';
import { createKey } from '../keys/manage.ts';

/** How long a door key outlives its event: the night's last scans and the walk home. */
const GRACE_MS = 12 * 3_600_000;
/** Events have a start only; the door is taken to close a day after it. */
const EVENT_LENGTH_MS = 24 * 3_600_000;

/**
 * When a door key made for an event stops working: its end (start + 1 day, events have no end)
 * plus 12 hours.
 * @example doorKeyExpiry(new Date('2026-05-01T19:00:00Z')); // 2026-05-03T07:00:00Z
 */
export function doorKeyExpiry(startsAt: Date): Date {
  return new Date(startsAt.getTime() + EVENT_LENGTH_MS + GRACE_MS);
}

export const DoorLink = z.object({
  keyId: z
    .string()
    .describe(
      'The door key made for this link; revoke it with DELETE /events/{id}/door-keys/{keyId}',
    ),
  prefix: z.string().describe('The first characters of the key'),
  key: z.string().describe('The door key (dk_…): shown only in this answer, stored only as a hash'),
  path: z
    .string()
    .describe(
      'The door page with the key in its fragment, relative to this server (/door/<event>#key=dk_…)',
    ),
  eventId: z.string().describe('The one event the key opens'),
  expiresAt: z.iso.datetime().describe('When the key stops working: a day after the start + 12 h'),
  createdBy: z.string().describe('Who made it, as in the audit log (`staff:<user id>`, …)'),
});

/**
 * Registers POST /events/:id/door-link.
 * @example registerDoorLinkRoute(api, ctx);
 */
export function registerDoorLinkRoute(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'post',
    path: '/events/:id/door-link',
    operationId: 'createDoorLink',
    summary: 'A door page link for a scanner phone, with a new door key (dk_…) in its fragment',
    description:
      'The door key may only scan tickets and read this event and its attendance (every other operation is 403, another event 404), until a day after the event starts plus 12 hours (`expiresAt`; then 401) or until revoked (DELETE /events/{id}/door-keys/{keyId}). Each call makes a new key; GET /events/{id}/door-keys lists the ones still valid. An event whose door keys would already have expired is 409 EVENT_OVER. The door page refuses secret and public keys in its link.',
    tag: 'tickets',
    access: 'secret',
    role: 'boxoffice',
    params: EventIdParams,
    responses: { 201: { description: 'Created', schema: DoorLink } },
    errors: [404, 409],
    handler: async ({ params, principal }) => {
      const event = await ctx.catalog.get(principal.orgId, params.id);
      const expiresAt = doorKeyExpiry(event.startsAt);
      if (expiresAt.getTime() <= Date.now()) {
        throw new DomainError(
          'EVENT_OVER',
          `${event.name} is over: its door keys stopped working at ${expiresAt.toISOString()}`,
        );
      }
      const name = `Door: ${event.name}`.slice(0, 200);
      const created = await createKey(ctx.db, principal, {
        kind: 'door',
        name,
        eventId: event.id,
        expiresAt,
      });
      const path = `/door/${encodeURIComponent(event.id)}#key=${created.key}`;
      return {
        status: 201,
        body: {
          keyId: created.id,
          prefix: created.prefix,
          key: created.key,
          path,
          eventId: event.id,
          expiresAt: expiresAt.toISOString(),
          createdBy: created.createdBy,
        },
      };
    },
  });
}
