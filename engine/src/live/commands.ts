// The commands a client may send on /live: subscribe, unsubscribe, hold, release. Each payload
// is validated with the protocol's zod schema before anything happens; each answer is an Ack
// with the server clock. Nothing a client sends can crash the node: a non-object payload, a
// missing ack callback or a throwing dependency all end in an error ack (or, without a callback,
// in nothing at all).
import {
  HoldRequest,
  ReleaseRequest,
  SubscribeRequest,
  UnsubscribeRequest,
} from '@parterre/seatmaps';
import type { SeatsMessage, SnapshotPayload } from '@parterre/seatmaps';
import type { Socket } from 'socket.io';
import type { ChangeFeed } from './change-feed.ts';
import type { LiveDeps, LiveEventRef, Principal } from './deps.ts';
import type { SharedReads } from './shared-reads.ts';
import { errorAck, failAck, isInternal, okAck, validationAck } from './acks.ts';
import type { FailedAck } from './acks.ts';
import { TokenBucket } from './token-bucket.ts';
import { eventRoom, toSeatsMessage } from './wire.ts';

/** Everything the command handlers of one node share. */
export interface CommandContext {
  deps: LiveDeps;
  feed: ChangeFeed;
  /** Snapshot and change reads shared by concurrent subscribers. */
  reads: SharedReads;
  commandRate: number;
  commandBurst: number;
  maxSubscriptionsPerSocket: number;
}

type AnyAck = ({ ok: true; serverTime: number } & object) | FailedAck;
type Handler = (raw: unknown) => Promise<AnyAck>;
type SubscribeAnswer =
  { mode: 'snapshot'; snapshot: SnapshotPayload } | { mode: 'deltas'; deltas: SeatsMessage };

const notFound = (eventId: string) => failAck('NOT_FOUND', `Event ${eventId} not found`);

/** Registers the command handlers on one authenticated socket. */
export function registerCommands(socket: Socket, principal: Principal, ctx: CommandContext): void {
  const bucket = new TokenBucket(ctx.commandRate, ctx.commandBurst);
  const on = (name: string, handler: Handler, ackOptional = false) => {
    socket.on(name, (...args: unknown[]) => {
      const last = args.at(-1);
      const ack = typeof last === 'function' ? (last as (res: AnyAck) => void) : undefined;
      // Without a callback nobody can learn the outcome (a hold token, a snapshot): do nothing.
      if (!ack && !ackOptional) return;
      const wait = bucket.take();
      if (wait > 0) {
        ack?.(
          failAck('RATE_LIMITED', `Too many commands; retry in ${wait} ms`, { retryAfterMs: wait }),
        );
        return;
      }
      const raw = ack ? args.slice(0, -1)[0] : args[0];
      handler(raw).then(
        (res) => ack?.(res),
        (err: unknown) => {
          if (isInternal(err)) ctx.deps.log?.error({ err, command: name }, 'live command failed');
          ack?.(errorAck(err));
        },
      );
    });
  };

  on('subscribe', (raw) => subscribe(socket, principal, ctx, raw));
  on('unsubscribe', (raw) => unsubscribe(socket, raw), true);
  on('hold', (raw) => hold(principal, ctx, raw));
  on('release', (raw) => release(principal, ctx, raw));
}

/** Runs a store read; when the store lost the event, rebuilds it once and retries. */
export async function loaded<T>(
  deps: LiveDeps,
  eventId: string,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'EVENT_NOT_LOADED') throw err;
    await deps.ensureLive(eventId);
    return read();
  }
}

async function subscribe(socket: Socket, principal: Principal, ctx: CommandContext, raw: unknown) {
  const parsed = SubscribeRequest.safeParse(raw);
  if (!parsed.success) return validationAck(parsed.error);
  const { eventId } = parsed.data;
  const event = await ctx.deps.resolveEvent(principal, eventId);
  if (!event) return notFound(eventId);
  const room = eventRoom(eventId);
  const wasSubscribed = socket.rooms.has(room);
  const subscriptions = [...socket.rooms].filter((r) => r.startsWith('ev:')).length;
  if (!wasSubscribed && subscriptions >= ctx.maxSubscriptionsPerSocket) {
    return failAck(
      'TOO_MANY_SUBSCRIPTIONS',
      `A connection may watch at most ${ctx.maxSubscriptionsPerSocket} events at once`,
    );
  }
  // Join and track BEFORE reading, so no change committed after the read can be missed; the
  // ticket tells the shared reads which reads started after this join.
  await socket.join(room);
  ctx.feed.track(eventId);
  const ticket = ctx.reads.enter();
  try {
    return okAck(await readState(ctx, parsed.data, ticket));
  } catch (err) {
    if (!wasSubscribed) await socket.leave(room);
    throw err;
  }
}

/**
 * Deltas when the client's epoch matches and the log still reaches back; else a snapshot. Both
 * reads are shared with concurrent subscribers of the event (see shared-reads.ts).
 */
async function readState(
  ctx: CommandContext,
  req: SubscribeRequest,
  ticket: number,
): Promise<SubscribeAnswer> {
  const { feed, reads } = ctx;
  const { eventId, sinceSeq, epoch } = req;
  if (sinceSeq !== undefined && epoch !== undefined) {
    const batch = await reads.changesSince(eventId, sinceSeq);
    if (batch && batch.epoch === epoch && batch.fromSeq === sinceSeq && batch.seq >= sinceSeq) {
      feed.baseline(eventId, batch.epoch, batch.seq);
      return { mode: 'deltas', deltas: toSeatsMessage(batch) };
    }
  }
  const { snapshot, payload } = await reads.snapshot(eventId, ticket);
  feed.baseline(eventId, snapshot.epoch, snapshot.seq);
  return { mode: 'snapshot', snapshot: payload };
}

async function unsubscribe(socket: Socket, raw: unknown) {
  const parsed = UnsubscribeRequest.safeParse(raw);
  if (!parsed.success) return validationAck(parsed.error);
  await socket.leave(eventRoom(parsed.data.eventId));
  return okAck({});
}

/** Refusals name seats by id: resolve the layout only when the error carries indexes. */
async function refusal(ctx: CommandContext, principal: Principal, eventId: string, err: unknown) {
  if (isInternal(err)) throw err;
  const seats = (err as { seats?: unknown[] }).seats;
  let event: LiveEventRef | null = null;
  if (seats?.some((s) => typeof s === 'number')) {
    event = await ctx.deps.resolveEvent(principal, eventId).catch(() => null);
  }
  return errorAck(err, event);
}

async function hold(principal: Principal, ctx: CommandContext, raw: unknown) {
  const parsed = HoldRequest.safeParse(raw);
  if (!parsed.success) return validationAck(parsed.error);
  try {
    return okAck(await ctx.deps.hold(principal, parsed.data));
  } catch (err) {
    return refusal(ctx, principal, parsed.data.eventId, err);
  }
}

async function release(principal: Principal, ctx: CommandContext, raw: unknown) {
  const parsed = ReleaseRequest.safeParse(raw);
  if (!parsed.success) return validationAck(parsed.error);
  try {
    return okAck(await ctx.deps.release(principal, parsed.data));
  } catch (err) {
    return refusal(ctx, principal, parsed.data.eventId, err);
  }
}
