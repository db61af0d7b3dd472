// REST routes of key management: list, create (the key is in the answer, once) and revoke an
// organisation's API keys. Owners (staff sessions) and secret keys only: a key that can make keys
// can do everything anyway, and no other role should hand out access. The box office lists and
// revokes its events' door keys through door-key-routes.ts.
import type { EngineContext } from '../context.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { CreateKeyBody, CreatedKey, KeyList, KeyParams, RevokedKey } from './api-schemas.ts';
import { registerDoorKeyRoutes } from './door-key-routes.ts';
import { createKey, listKeys, revokeKey } from './manage.ts';

/**
 * Registers /keys on the API router.
 * @example registerKeyRoutes(api, ctx);
 */
export function registerKeyRoutes(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'get',
    path: '/keys',
    operationId: 'listKeys',
    summary: "The organisation's API keys (never the keys themselves), newest first",
    tag: 'keys',
    access: 'secret',
    role: 'owner',
    responses: { 200: { description: 'The keys', schema: KeyList } },
    errors: [],
    handler: async ({ principal }) => ({ body: { keys: await listKeys(ctx.db, principal) } }),
  });
  api.add({
    method: 'post',
    path: '/keys',
    operationId: 'createKey',
    summary: 'Create an API key; the answer is the only time the key is shown',
    description:
      'Keys are 32 random bytes, stored as a SHA-256 hash. Public keys are for browsers: list the storefront origins in `allowedOrigins` so no other site can use them.',
    tag: 'keys',
    access: 'secret',
    role: 'owner',
    body: CreateKeyBody,
    responses: { 201: { description: 'Created', schema: CreatedKey } },
    errors: [],
    handler: async ({ principal, body }) => {
      const created = await createKey(ctx.db, principal, {
        kind: body.kind,
        name: body.name,
        ...(body.allowedOrigins ? { allowedOrigins: body.allowedOrigins } : {}),
      });
      return { status: 201, body: created };
    },
  });
  api.add({
    method: 'delete',
    path: '/keys/:id',
    operationId: 'revokeKey',
    summary: 'Revoke an API key (every node stops accepting it at once)',
    tag: 'keys',
    access: 'secret',
    role: 'owner',
    params: KeyParams,
    responses: { 200: { description: 'Revoked', schema: RevokedKey } },
    errors: [404],
    handler: async ({ principal, params }) => {
      await revokeKey(ctx.db, ctx.auth, principal, params.id);
      return { body: { id: params.id, revoked: true } };
    },
  });
  registerDoorKeyRoutes(api, ctx);
}
