// The box office's view of an event's door keys: list the ones still valid and revoke one when a
// phone is done or lost. Box-office staff make door links (tickets/door-link.ts), so they may take
// them back; every other kind of key stays the owner's (routes.ts), so these routes reach door keys
// of the named event only (anything else is 404, like a missing key).
import type { EngineContext } from '../context.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { EventIdParams } from '../holds/api-schemas.ts';
import { DoorKeyList, DoorKeyParams, RevokedKey } from './api-schemas.ts';
import { listDoorKeys } from './door-keys.ts';
import { revokeKey } from './manage.ts';

/**
 * Registers GET /events/:id/door-keys and DELETE /events/:id/door-keys/:keyId.
 * @example registerDoorKeyRoutes(api, ctx);
 */
export function registerDoorKeyRoutes(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'get',
    path: '/events/:id/door-keys',
    operationId: 'listDoorKeys',
    summary: "The event's door keys that still work (neither revoked nor expired), newest first",
    tag: 'keys',
    access: 'secret',
    role: 'boxoffice',
    params: EventIdParams,
    responses: { 200: { description: 'The door keys', schema: DoorKeyList } },
    errors: [404],
    handler: async ({ params, principal }) => {
      const event = await ctx.catalog.get(principal.orgId, params.id);
      return { body: { keys: await listDoorKeys(ctx.db, principal.orgId, event.id) } };
    },
  });
  api.add({
    method: 'delete',
    path: '/events/:id/door-keys/:keyId',
    operationId: 'revokeDoorKey',
    summary: 'Revoke a door key of the event (every node stops accepting it at once)',
    description:
      'Only door keys (dk_…) of this event: any other key, or another event’s door key, is 404. Revoking other keys is DELETE /keys/{id} (owner).',
    tag: 'keys',
    access: 'secret',
    role: 'boxoffice',
    params: DoorKeyParams,
    responses: { 200: { description: 'Revoked', schema: RevokedKey } },
    errors: [404],
    handler: async ({ params, principal }) => {
      const event = await ctx.catalog.get(principal.orgId, params.id);
      await revokeKey(ctx.db, ctx.auth, principal, params.keyId, { doorKeyOf: event.id });
      return { body: { id: params.keyId, revoked: true } };
    },
  });
}
