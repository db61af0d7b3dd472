// REST routes of live seat state: availability, holds, best-available, release, extend, and the
// box office's block/unblock. Public keys may do everything here except block/unblock.
import type { EngineContext } from '../context.ts';
import type { ApiRouter } from '../http/api-router.ts';
import {
  Availability,
  AvailabilityQuery,
  BestAvailableBody,
  EventIdParams,
  ExtendBody,
  HoldBody,
  HoldTokenParams,
  HoldView,
  ReleaseBody,
  ReleaseResult,
  SeatsBody,
  SeatsReasonBody,
  SeatsResult,
} from './api-schemas.ts';

const STATE_NAMES = ['free', 'held', 'booked', 'blocked'] as const;

/** Seat id → state name, for the JSON availability answer. */
function seatStates(seatIds: readonly string[], status: Uint8Array): Record<string, string> {
  const seats: Record<string, string> = {};
  for (let i = 0; i < seatIds.length; i++) {
    seats[seatIds[i] as string] = STATE_NAMES[status[i] ?? 0] ?? 'free';
  }
  return seats;
}

function registerAvailability(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'get',
    path: '/events/:id/availability',
    operationId: 'getAvailability',
    summary: 'Live state of every seat and standing area',
    tag: 'holds',
    access: 'public',
    role: 'viewer',
    params: EventIdParams,
    query: AvailabilityQuery,
    responses: { 200: { description: 'State at `seq`', schema: Availability } },
    errors: [404],
    handler: async ({ params, query, principal }) => {
      const a = await ctx.holds.availability(principal, params.id);
      const base = { epoch: a.epoch, seq: a.seq, counts: a.counts, ga: a.ga };
      return query.format === 'packed'
        ? { body: { ...base, packed: Buffer.from(a.status).toString('base64') } }
        : { body: { ...base, seats: seatStates(a.seatIds, a.status) } };
    },
  });
}

function registerHolding(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'post',
    path: '/events/:id/holds',
    operationId: 'holdSeats',
    summary: 'Hold seats and standing quantities, all or nothing',
    description:
      'All-or-nothing: when one seat is taken nothing is held and the 409 answer names the taken seats in `seats`.',
    tag: 'holds',
    access: 'public',
    role: 'boxoffice',
    params: EventIdParams,
    body: HoldBody,
    responses: { 200: { description: 'The whole hold after this call', schema: HoldView } },
    errors: [404, 409, 410, 422],
    handler: async ({ params, body, principal }) => ({
      body: await ctx.holds.hold(principal, params.id, body),
    }),
  });
  api.add({
    method: 'post',
    path: '/events/:id/holds/best-available',
    operationId: 'holdBestAvailable',
    summary: 'Hold the best N available seats',
    tag: 'holds',
    access: 'public',
    role: 'boxoffice',
    params: EventIdParams,
    body: BestAvailableBody,
    responses: { 200: { description: 'The seats chosen and held', schema: HoldView } },
    errors: [404, 409, 410],
    handler: async ({ params, body, principal }) => ({
      body: await ctx.holds.bestAvailable(principal, params.id, body),
    }),
  });
  api.add({
    method: 'post',
    path: '/events/:id/release',
    operationId: 'releaseSeats',
    summary: 'Give held seats back (all of the hold when `seats` is omitted)',
    tag: 'holds',
    access: 'public',
    role: 'boxoffice',
    params: EventIdParams,
    body: ReleaseBody,
    responses: { 200: { description: 'Seats released', schema: ReleaseResult } },
    errors: [404, 409, 410, 422],
    handler: async ({ params, body, principal }) => ({
      body: await ctx.holds.release(principal, params.id, body),
    }),
  });
}

function registerTokens(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'get',
    path: '/hold-tokens/:token',
    operationId: 'getHold',
    summary: 'What a hold token holds now, and until when',
    tag: 'holds',
    access: 'public',
    role: 'viewer',
    params: HoldTokenParams,
    responses: { 200: { description: 'The live hold', schema: HoldView } },
    errors: [404],
    handler: async ({ params, principal }) => ({
      body: await ctx.holds.get(principal, params.token),
    }),
  });
  api.add({
    method: 'post',
    path: '/hold-tokens/:token/extend',
    operationId: 'extendHold',
    summary: 'Move a hold’s expiry to now + seconds (capped, default maximum 2 h)',
    tag: 'holds',
    access: 'public',
    role: 'boxoffice',
    params: HoldTokenParams,
    body: ExtendBody,
    responses: { 200: { description: 'The hold with its new expiry', schema: HoldView } },
    errors: [404, 410],
    handler: async ({ params, body, principal }) => ({
      body: await ctx.holds.extend(principal, params.token, body.seconds),
    }),
  });
}

function registerBlocks(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'post',
    path: '/events/:id/block',
    operationId: 'blockSeats',
    summary: 'Take free seats out of sale (house seats, broken seats, production holds)',
    tag: 'box office',
    access: 'secret',
    role: 'boxoffice',
    params: EventIdParams,
    body: SeatsReasonBody,
    responses: { 200: { description: 'Seats blocked', schema: SeatsResult } },
    errors: [404, 409, 422],
    handler: async ({ params, body, principal }) => ({
      body: await ctx.holds.block(principal, params.id, body.seats, body.reason),
    }),
  });
  api.add({
    method: 'post',
    path: '/events/:id/unblock',
    operationId: 'unblockSeats',
    summary: 'Put blocked seats back on sale',
    tag: 'box office',
    access: 'secret',
    role: 'boxoffice',
    params: EventIdParams,
    body: SeatsBody,
    responses: { 200: { description: 'Seats free again', schema: SeatsResult } },
    errors: [404, 409, 422],
    handler: async ({ params, body, principal }) => ({
      body: await ctx.holds.unblock(principal, params.id, body.seats),
    }),
  });
}

/**
 * Registers the live seat-state routes.
 * @example registerHoldRoutes(api, ctx);
 */
export function registerHoldRoutes(api: ApiRouter, ctx: EngineContext): void {
  registerHolding(api, ctx);
  registerAvailability(api, ctx);
  registerTokens(api, ctx);
  registerBlocks(api, ctx);
}
