// REST routes of bookings: book (idempotent with Idempotency-Key), cancel, and the reports
// (boxoffice/report-routes.ts).
// All need a secret key: money changes hands here.
import { registerReportRoutes } from '../boxoffice/report-routes.ts';
import type { EngineContext } from '../context.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { RequestValidationError } from '../http/problem.ts';
import { EventIdParams } from '../holds/api-schemas.ts';
import { BookBody, Booking, CancelBody, CancelResult, IdempotencyKey } from './api-schemas.ts';

function idempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = IdempotencyKey.safeParse(value);
  if (!parsed.success) {
    throw new RequestValidationError(
      'header',
      parsed.error.issues.map((i) => ({ ...i, path: ['Idempotency-Key'] })),
    );
  }
  return parsed.data;
}

function registerBook(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'post',
    path: '/events/:id/book',
    operationId: 'book',
    summary: 'Book held seats (or free seats directly, for counter sales)',
    description:
      'With an Idempotency-Key, a retry with the same body returns the first answer; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED. A 503 may come from a connection lost during the commit, when the booking may or may not be recorded: retry with the same Idempotency-Key to learn which.',
    tag: 'orders',
    access: 'secret',
    role: 'boxoffice',
    params: EventIdParams,
    body: BookBody,
    headers: [
      {
        name: 'Idempotency-Key',
        required: false,
        description: IdempotencyKey.description ?? '',
        schema: IdempotencyKey,
      },
    ],
    responses: { 201: { description: 'Booked', schema: Booking } },
    errors: [404, 409, 410, 422],
    handler: async ({ params, body, principal, req }) => {
      const key = idempotencyKey(req.get('idempotency-key'));
      const result = await ctx.orders.book(principal, params.id, body, key);
      return { status: result.status, body: result.body };
    },
  });
}

function registerCancel(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'post',
    path: '/events/:id/cancel',
    operationId: 'cancel',
    summary: 'Cancel a booking, or the bookings of some seats; the seats are free again',
    tag: 'orders',
    access: 'secret',
    role: 'boxoffice',
    params: EventIdParams,
    body: CancelBody,
    responses: { 200: { description: 'Cancelled', schema: CancelResult } },
    errors: [404, 409, 422],
    handler: async ({ params, body, principal }) => ({
      body: await ctx.orders.cancel(principal, params.id, body),
    }),
  });
}

/**
 * Registers the booking routes.
 * @example registerOrderRoutes(api, ctx);
 */
export function registerOrderRoutes(api: ApiRouter, ctx: EngineContext): void {
  registerBook(api, ctx);
  registerCancel(api, ctx);
  registerReportRoutes(api, ctx);
}
