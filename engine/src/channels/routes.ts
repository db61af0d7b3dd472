// REST routes of sales channels under /events/:id/channels. The event's owner (secret key, or
// staff with the owner role) manages channels; a partner may list its own; sell-through is the
// owner's box office view.
import type { EngineContext } from '../context.ts';
import { EventIdParams } from '../holds/api-schemas.ts';
import type { ApiRouter } from '../http/api-router.ts';
import {
  AllocateBody,
  Channel,
  ChannelList,
  ChannelParams,
  CreateChannelBody,
  DeletedChannel,
  ReleaseAllocationBody,
  ReleasedAllocation,
  RenameChannelBody,
  SellThrough,
  SharedEventList,
} from './api-schemas.ts';
import { listSharedEvents } from './repo.ts';

/**
 * Registers the channel routes.
 * @example registerChannelRoutes(api, ctx);
 */
export function registerChannelRoutes(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'post',
    path: '/events/:id/channels',
    operationId: 'createChannel',
    summary: 'Create a sales channel (online, box office, or a partner organisation)',
    tag: 'channels',
    access: 'secret',
    role: 'owner',
    params: EventIdParams,
    body: CreateChannelBody,
    responses: { 201: { description: 'The channel, with nothing allocated yet', schema: Channel } },
    errors: [404],
    handler: async ({ params, body, principal }) => ({
      status: 201,
      body: await ctx.channels.create(principal, params.id, body),
    }),
  });
  api.add({
    method: 'get',
    path: '/events/:id/channels',
    operationId: 'listChannels',
    summary: 'The event’s channels and their allocations (a partner sees its own)',
    tag: 'channels',
    access: 'secret',
    role: 'viewer',
    params: EventIdParams,
    responses: { 200: { description: 'Channels', schema: ChannelList } },
    errors: [404],
    handler: async ({ params, principal }) => ({
      body: { channels: await ctx.channels.list(principal, params.id) },
    }),
  });
  api.add({
    method: 'get',
    path: '/shared-events',
    operationId: 'listSharedEvents',
    summary: 'Events other organisations share with this one through a partner channel',
    tag: 'channels',
    access: 'secret',
    role: 'viewer',
    responses: { 200: { description: 'Shared events', schema: SharedEventList } },
    errors: [],
    handler: async ({ principal }) => ({
      body: {
        events: (await listSharedEvents(ctx.db, principal.orgId)).map((e) => ({
          ...e,
          startsAt: e.startsAt.toISOString(),
        })),
      },
    }),
  });
  api.add({
    method: 'get',
    path: '/events/:id/channels/sell-through',
    operationId: 'getChannelSellThrough',
    summary: 'Allocated and sold per channel and for the general sale (counts and revenue)',
    tag: 'channels',
    access: 'secret',
    role: 'boxoffice',
    params: EventIdParams,
    responses: { 200: { description: 'Sell-through per channel', schema: SellThrough } },
    errors: [404],
    handler: async ({ params, principal }) => ({
      body: { channels: await ctx.channels.sellThrough(principal, params.id) },
    }),
  });
  api.add({
    method: 'post',
    path: '/events/:id/channels/:channelId/allocate',
    operationId: 'allocateToChannel',
    summary: 'Give free seats and standing places to a channel, all or nothing',
    description:
      'Seats must be free (not held, booked, blocked or in another channel): 409 `SEATS_UNAVAILABLE` names the others. Standing places come out of what the general sale has left (409 `GA_UNAVAILABLE`).',
    tag: 'channels',
    access: 'secret',
    role: 'owner',
    params: ChannelParams,
    body: AllocateBody,
    responses: { 200: { description: 'The channel with its allocation', schema: Channel } },
    errors: [404, 409, 422],
    handler: async ({ params, body, principal }) => ({
      body: await ctx.channels.allocate(principal, params.id, params.channelId, body),
    }),
  });
  api.add({
    method: 'post',
    path: '/events/:id/channels/:channelId/release',
    operationId: 'releaseChannelAllocation',
    summary: 'Give a channel’s unsold seats and places back to the general sale',
    description:
      'Without `seats` and `ga`, everything unsold goes back. Sold seats stay with the channel and are listed in `kept`.',
    tag: 'channels',
    access: 'secret',
    role: 'owner',
    params: ChannelParams,
    body: ReleaseAllocationBody,
    responses: { 200: { description: 'What went back', schema: ReleasedAllocation } },
    errors: [404, 409, 422],
    handler: async ({ params, body, principal }) => ({
      body: await ctx.channels.release(principal, params.id, params.channelId, body),
    }),
  });
  api.add({
    method: 'patch',
    path: '/events/:id/channels/:channelId',
    operationId: 'renameChannel',
    summary: 'Rename a channel',
    tag: 'channels',
    access: 'secret',
    role: 'owner',
    params: ChannelParams,
    body: RenameChannelBody,
    responses: { 200: { description: 'The renamed channel', schema: Channel } },
    errors: [404],
    handler: async ({ params, body, principal }) => ({
      body: await ctx.channels.rename(principal, params.id, params.channelId, body.name),
    }),
  });
  api.add({
    method: 'delete',
    path: '/events/:id/channels/:channelId',
    operationId: 'deleteChannel',
    summary: 'Delete a channel; its allocation goes back to the general sale',
    description:
      'Only while no booking sold through the channel is live: 409 `CHANNEL_IN_USE` says how many are (`bookings`). Cancelled bookings stay, without their channel.',
    tag: 'channels',
    access: 'secret',
    role: 'owner',
    params: ChannelParams,
    responses: { 200: { description: 'Deleted, with what went back', schema: DeletedChannel } },
    errors: [404, 409],
    handler: async ({ params, principal }) => ({
      body: await ctx.channels.remove(principal, params.id, params.channelId),
    }),
  });
}
