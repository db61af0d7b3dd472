// REST routes of webhooks: an organisation's endpoints (list, create — the signing secret is in
// the answer, once — change, delete) and its delivery log. Owners (staff sessions) and secret keys
// manage endpoints; every change is audited in its own transaction. The log is a read for every
// member and secret key: it shows what was sent where, never a payload or a secret.
import { auditActor, recordAudit } from '../audit/audit-log.ts';
import type { EngineContext } from '../context.ts';
import type { Db } from '../db/db.ts';
import { inOrg } from '../db/tenancy.ts';
import { DomainError, type Principal } from '../errors.ts';
import type { ApiRouter } from '../http/api-router.ts';
import {
  CreatedEndpoint,
  CreateEndpointBody,
  DeletedEndpoint,
  DeliveriesQuery,
  DeliveryList,
  EndpointList,
  EndpointParams,
  EndpointView,
  UpdateEndpointBody,
} from './api-schemas.ts';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  updateWebhookEndpoint,
  type WebhookEndpoint,
} from './endpoints.ts';

const view = ({ orgId: _orgId, ...endpoint }: WebhookEndpoint) => endpoint;
const missing = (id: string) => new DomainError('NOT_FOUND', `No webhook endpoint ${id}`);

/** Runs a change and its audit entry in one transaction of the principal's organisation. */
function audited<T>(
  db: Db,
  principal: Principal,
  action: string,
  change: (tx: Db) => Promise<{ result: T; target: string; details?: Record<string, unknown> }>,
): Promise<T> {
  return inOrg(db, principal.orgId, async (tx) => {
    const { result, target, details } = await change(tx);
    await recordAudit(tx, {
      orgId: principal.orgId,
      actor: auditActor(principal),
      action,
      target,
      ...(details ? { details } : {}),
    });
    return result;
  });
}

function registerReads(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'get',
    path: '/webhooks/endpoints',
    operationId: 'listWebhookEndpoints',
    summary: "The organisation's webhook endpoints (never their secrets)",
    tag: 'webhooks',
    access: 'secret',
    role: 'owner',
    responses: { 200: { description: 'The endpoints', schema: EndpointList } },
    errors: [],
    handler: async ({ principal }) => ({
      body: { endpoints: (await listWebhookEndpoints(ctx.db, principal.orgId)).map(view) },
    }),
  });
  api.add({
    method: 'get',
    path: '/webhooks/deliveries',
    operationId: 'listWebhookDeliveries',
    summary: "The organisation's delivery log, newest first: one entry per attempt",
    tag: 'webhooks',
    access: 'secret',
    role: 'viewer',
    query: DeliveriesQuery,
    responses: { 200: { description: 'A page of the log', schema: DeliveryList } },
    errors: [],
    handler: async ({ principal, query }) => ({
      body: { deliveries: await listWebhookDeliveries(ctx.db, principal.orgId, query) },
    }),
  });
}

function registerCreateAndUpdate(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'post',
    path: '/webhooks/endpoints',
    operationId: 'createWebhookEndpoint',
    summary: 'Register a webhook endpoint; the answer is the only time its signing secret is shown',
    tag: 'webhooks',
    access: 'secret',
    role: 'owner',
    body: CreateEndpointBody,
    responses: { 201: { description: 'Created', schema: CreatedEndpoint } },
    errors: [],
    handler: async ({ principal, body }) => {
      const created = await audited(ctx.db, principal, 'webhook_endpoint.create', async (tx) => {
        const made = await createWebhookEndpoint(tx, principal.orgId, body, {
          allowPrivate: ctx.config.WEBHOOKS_ALLOW_PRIVATE,
        });
        const { url, events } = made.endpoint;
        return { result: made, target: made.endpoint.id, details: { url, events } };
      });
      return { status: 201, body: { endpoint: view(created.endpoint), secret: created.secret } };
    },
  });
  api.add({
    method: 'patch',
    path: '/webhooks/endpoints/:id',
    operationId: 'updateWebhookEndpoint',
    summary: "Change an endpoint's URL, event types or active flag",
    tag: 'webhooks',
    access: 'secret',
    role: 'owner',
    params: EndpointParams,
    body: UpdateEndpointBody,
    responses: { 200: { description: 'The endpoint as it is now', schema: EndpointView } },
    errors: [404],
    handler: async ({ principal, params, body }) => {
      const updated = await audited(ctx.db, principal, 'webhook_endpoint.update', async (tx) => {
        const endpoint = await updateWebhookEndpoint(tx, principal.orgId, params.id, body, {
          allowPrivate: ctx.config.WEBHOOKS_ALLOW_PRIVATE,
        });
        if (!endpoint) throw missing(params.id);
        return { result: endpoint, target: endpoint.id, details: { ...body } };
      });
      return { body: view(updated) };
    },
  });
}

function registerDelete(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'delete',
    path: '/webhooks/endpoints/:id',
    operationId: 'deleteWebhookEndpoint',
    summary: 'Remove an endpoint and its delivery log; pending events are no longer sent to it',
    tag: 'webhooks',
    access: 'secret',
    role: 'owner',
    params: EndpointParams,
    responses: { 200: { description: 'Deleted', schema: DeletedEndpoint } },
    errors: [404],
    handler: async ({ principal, params }) => {
      await audited(ctx.db, principal, 'webhook_endpoint.delete', async (tx) => {
        if (!(await deleteWebhookEndpoint(tx, principal.orgId, params.id))) {
          throw missing(params.id);
        }
        return { result: undefined, target: params.id };
      });
      return { body: { id: params.id, deleted: true } };
    },
  });
}

/**
 * Registers /webhooks/endpoints and /webhooks/deliveries on the API router.
 * @example registerWebhookRoutes(api, ctx);
 */
export function registerWebhookRoutes(api: ApiRouter, ctx: EngineContext): void {
  registerReads(api, ctx);
  registerCreateAndUpdate(api, ctx);
  registerDelete(api, ctx);
}
