// The door link the box office hands to a scanner phone: /door/<event>#key=dk_…, with a door key
// made for it on demand. A door key can only scan tickets and read the event and its attendance
// (auth/door.ts), so box-office staff, who may scan anyway, may make one; other keys stay the
// owner's to hand out (keys/routes.ts). The key is in the answer only: it is stored as its hash.
import { z } from 'zod';
import type { EngineContext } from '../context.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { EventIdParams } from '../holds/api-schemas.ts';
import { createKey } from '../keys/manage.ts';

export const DoorLink = z.object({
  keyId: z.string().describe('The door key made for this link; revoke it with DELETE /keys/{id}'),
  prefix: z.string().describe('The first characters of the key'),
  key: z.string().describe('The door key (dk_…): shown only in this answer, stored only as a hash'),
  path: z
    .string()
    .describe(
      'The door page with the key in its fragment, relative to this server (/door/<event>#key=dk_…)',
    ),
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
      'The door key may only scan tickets and read the event and its attendance (every other operation is 403), for every event of the organisation, until revoked (DELETE /keys/{id}). The door page refuses secret and public keys in its link.',
    tag: 'tickets',
    access: 'secret',
    role: 'boxoffice',
    params: EventIdParams,
    responses: { 201: { description: 'Created', schema: DoorLink } },
    errors: [404],
    handler: async ({ params, principal }) => {
      const event = await ctx.catalog.get(principal.orgId, params.id);
      const name = `Door: ${event.name}`.slice(0, 200);
      const created = await createKey(ctx.db, principal, { kind: 'door', name });
      const path = `/door/${encodeURIComponent(event.id)}#key=${created.key}`;
      return {
        status: 201,
        body: { keyId: created.id, prefix: created.prefix, key: created.key, path },
      };
    },
  });
}
