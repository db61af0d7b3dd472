// Door keys (dk_…): what a scanner phone at the entrance carries. A secret key in a door link
// would give whoever picks up the phone everything the organisation has, so door keys may only do
// what the door page does: scan tickets and read the event and its attendance. Routes opt in
// (`door: true` in the route registry); every other route refuses a door key with 403, the way
// public keys are refused secret routes (guards.ts). Sockets refuse them too (live/engine-deps.ts).
// A door key opens one event (migration 0015): every door route is under /events/:id, and any other
// event is 404 exactly like another organisation's, so a lost phone reveals nothing beyond its night.
import { DomainError, type Principal } from '../errors.ts';

/** What a door key may do, in the words of its refusals. */
export const DOOR_KEY_SCOPE =
  'door keys (dk_…) may only scan tickets and read an event and its attendance';

/**
 * Refuses (403 FORBIDDEN) a door key on a route that does not admit door keys; everything else
 * passes (the route's access level and role decide).
 * @example if (!route.door) assertNotDoorKey(principal);
 */
export function assertNotDoorKey(principal: Principal): void {
  if (principal.kind !== 'door') return;
  throw new DomainError(
    'FORBIDDEN',
    `This operation is not allowed with a door key: ${DOOR_KEY_SCOPE}`,
  );
}

/**
 * Refuses (404 NOT_FOUND, worded like a missing event) a door key on an event other than its own;
 * every other principal passes.
 * @example if (route.door) assertDoorEvent(principal, params.id);
 */
export function assertDoorEvent(principal: Principal, eventId: string): void {
  if (principal.kind !== 'door' || principal.eventId === eventId) return;
  throw new DomainError('NOT_FOUND', `Event ${eventId} not found`);
}
