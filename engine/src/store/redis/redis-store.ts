// The Redis seat store: one Lua function per command (see lua/ and script-loader.ts), so every
// command is one atomic round trip that pipelines well. Inputs are validated here, before any script runs.
// Holds and releases of one event asked for in the same turn of the event loop go out as one
// batch call (lua/batch-7.lua): one round trip and one script run for all of them.
import { Redis } from 'ioredis';
import { countStatus, mergeEntries } from '../change-log.ts';
import type {
  BookRequest,
  BookResult,
  CancelRequest,
  ChangeBatch,
  ChangeListener,
  CheckHoldRequest,
  EventInit,
  ExtendRequest,
  HoldInfo,
  HoldRequest,
  HoldResult,
  ReleaseRequest,
  ReleaseResult,
  RestoreInit,
  SeatStore,
  SeatsRequest,
  Snapshot,
  SweepResult,
} from '../seat-store.ts';
import * as v from '../validate.ts';
import { ArgsBuilder, type ScriptArgs } from './args.ts';
import { ChangeSubscriber } from './change-subscriber.ts';
import type { RedisConnection } from './connection.ts';
import { Keys } from './keys.ts';
import { sortGa, toGaQuantities, toGaStates, toLogEntries, toNumbers, unwrap } from './replies.ts';
import { FunctionCaller } from './script-loader.ts';

/** Default of {@link RedisSeatStoreOptions.maxBatch}. */
const MAX_BATCH = 32;

/** Holds and releases of one event waiting to go out as one batch call. */
interface PendingBatch {
  eventId: string;
  commands: ('hold' | 'release')[];
  groups: ScriptArgs[];
  settle: { resolve: (reply: unknown) => void; reject: (err: unknown) => void }[];
}

/** Options of {@link RedisSeatStore}. */
export interface RedisSeatStoreOptions {
  /** A connection to a server or a cluster (kept open on close) or a URL (the store owns that connection). */
  redis: RedisConnection | string;
  /** Key prefix, default "pt:". */
  prefix?: string;
  /** Approximate length of each event's log stream (XADD MAXLEN ~), default 10,000. */
  logMaxLen?: number;
  /** How long after its last hold's expiry an event stays in `activeEvents`, default 5 min. */
  activeRetentionMs?: number;
  /**
   * Most holds and releases one batch call carries, default 32 (at most 64). A full batch goes
   * out at once, so Redis works on it while the node prepares the next: small batches overlap
   * the two, large ones save more script calls.
   */
  maxBatch?: number;
}

/**
 * SeatStore on Redis (or Redis Cluster): any number of engine nodes share it.
 *
 * @example
 * const store = new RedisSeatStore({ redis: 'redis://127.0.0.1:6379' });
 * await store.initEvent({ eventId: 'e1', seatCount: 80_000, ga: [] });
 */
export class RedisSeatStore implements SeatStore {
  readonly keys: Keys;
  private readonly redis: RedisConnection;
  private readonly ownsConnection: boolean;
  private readonly functions: FunctionCaller;
  private readonly args: ArgsBuilder;
  private readonly subscriber: ChangeSubscriber;
  private readonly retentionMs: number;
  /** Highest expiry this process registered per event in the active zset (saves ZADDs). */
  private readonly registered = new Map<string, number>();
  /** Holds and releases not sent yet (see {@link RedisSeatStore.enqueue}). */
  private pending: PendingBatch | undefined;
  private readonly maxBatch: number;

  constructor(options: RedisSeatStoreOptions) {
    this.ownsConnection = typeof options.redis === 'string';
    this.redis = typeof options.redis === 'string' ? new Redis(options.redis) : options.redis;
    this.functions = new FunctionCaller(this.redis);
    this.keys = new Keys(options.prefix ?? 'pt:');
    this.args = new ArgsBuilder(this.keys, options.logMaxLen ?? 10_000);
    this.subscriber = new ChangeSubscriber(this.redis, this.keys.changes());
    this.retentionMs = options.activeRetentionMs ?? 300_000;
    this.maxBatch = Math.max(1, Math.min(64, Math.floor(options.maxBatch ?? MAX_BATCH)));
  }

  async initEvent(init: EventInit): Promise<void> {
    const { seatCount, epoch } = v.checkInit(init);
    const args = this.args.initArgs(init.eventId, seatCount, epoch, init.ga);
    unwrap(await this.call('init', args), init.eventId);
  }

  async restoreEvent(init: RestoreInit): Promise<void> {
    const status = v.buildRestoreStatus(init);
    const args = this.args.restoreArgs(
      init.eventId,
      init.epoch,
      init.ga,
      init.gaBooked,
      status,
      init.ifAbsent,
    );
    unwrap(await this.call('restore', args), init.eventId);
  }

  async hasEvent(eventId: string): Promise<boolean> {
    v.checkEventId(eventId);
    this.flush();
    return (await this.redis.exists(this.keys.event(eventId)[1] as string)) === 1;
  }

  async dropEvent(eventId: string): Promise<void> {
    v.checkEventId(eventId);
    unwrap(await this.call('drop', this.args.dropArgs(eventId)), eventId);
    // The sweeper's index lives outside the event's hash slot, so the script cannot reach it.
    this.flush();
    await this.redis.zrem(this.keys.active(), eventId);
    this.registered.delete(eventId);
  }

  async hold(eventId: string, req: HoldRequest): Promise<HoldResult> {
    v.checkEventId(eventId);
    const token = v.checkToken(req.token, eventId);
    const seats = v.checkSeats(req.seats, eventId);
    const ga = v.checkGa(req.ga, eventId);
    v.checkNotEmpty(seats, ga, eventId);
    const now = v.resolveNow(req.now, eventId);
    const expiresAt = now + v.checkTtl(req.ttlMs, eventId);
    const group = this.args.holdGroup(token, expiresAt, seats, ga, now);
    const active = this.markActive(eventId, expiresAt);
    const reply = await this.enqueue(eventId, 'hold', group);
    if (active) await active;
    // The fast path answers a new token's seq alone (lua/includes/fast.lua).
    const [seq, isNew, held, heldGa] =
      typeof reply === 'number' ? [reply, 1] : unwrap(reply, eventId, token);
    // A new token holds exactly what was asked; only an extended one needs its contents read back.
    const contents = isNew
      ? { seats: [...seats].sort((a, b) => a - b), ga: sortGa(ga) }
      : { seats: toNumbers(held), ga: toGaQuantities(heldGa) };
    return { token, expiresAt, ...contents, seq: Number(seq) };
  }

  async release(eventId: string, req: ReleaseRequest): Promise<ReleaseResult> {
    v.checkEventId(eventId);
    const token = v.checkToken(req.token, eventId);
    const seats = req.seats === undefined ? undefined : v.checkSeats(req.seats, eventId);
    if (seats?.length === 0) throw v.emptySeats(eventId);
    const now = v.resolveNow(req.now, eventId);
    const reply = await this.enqueue(eventId, 'release', this.args.releaseGroup(token, seats, now));
    const [seq, released, ga] = unwrap(reply, eventId, token);
    return {
      released: toNumbers(released).sort((a, b) => a - b),
      ga: toGaQuantities(ga),
      seq: Number(seq),
    };
  }

  async extend(eventId: string, req: ExtendRequest): Promise<{ expiresAt: number }> {
    v.checkEventId(eventId);
    const token = v.checkToken(req.token, eventId);
    const now = v.resolveNow(req.now, eventId);
    const expiresAt = now + v.checkTtl(req.ttlMs, eventId);
    const args = this.args.extendArgs(eventId, token, expiresAt, now);
    const active = this.markActive(eventId, expiresAt);
    const reply = await this.call('extend', args);
    if (active) await active;
    unwrap(reply, eventId, token);
    return { expiresAt };
  }

  async getHold(eventId: string, token: string, now?: number): Promise<HoldInfo | null> {
    v.checkEventId(eventId);
    v.checkToken(token, eventId);
    const at = v.resolveNow(now, eventId);
    const reply = await this.call('getHold', this.args.getHoldArgs(eventId, token, at));
    const [expiresAt, seats, ga] = unwrap(reply, eventId, token);
    if (!expiresAt) return null;
    return { token, expiresAt: Number(expiresAt), seats: toNumbers(seats), ga: toGaQuantities(ga) };
  }

  async checkHold(eventId: string, req: CheckHoldRequest): Promise<void> {
    v.checkEventId(eventId);
    const token = v.checkToken(req.token, eventId);
    const seats = v.checkSeats(req.seats, eventId);
    const ga = v.checkGa(req.ga, eventId);
    v.checkNotEmpty(seats, ga, eventId);
    const now = v.resolveNow(req.now, eventId);
    const reply = await this.call(
      'checkHold',
      this.args.checkHoldArgs(eventId, token, seats, ga, now),
    );
    unwrap(reply, eventId, token);
  }

  async book(eventId: string, req: BookRequest): Promise<BookResult> {
    v.checkEventId(eventId);
    const token = req.token === undefined ? undefined : v.checkToken(req.token, eventId);
    const seats = v.checkSeats(req.seats, eventId);
    const ga = v.checkGa(req.ga, eventId);
    v.checkNotEmpty(seats, ga, eventId);
    const now = v.resolveNow(req.now, eventId);
    const args = this.args.bookArgs(eventId, token, req.force === true, seats, ga, now);
    const [seq, soldOut] = unwrap(await this.call('book', args), eventId, token);
    return { seq: Number(seq), soldOut: soldOut === 1 };
  }

  async cancel(eventId: string, req: CancelRequest): Promise<{ seq: number }> {
    v.checkEventId(eventId);
    const seats = v.checkSeats(req.seats, eventId);
    const ga = v.checkGa(req.ga, eventId);
    v.checkNotEmpty(seats, ga, eventId);
    const now = v.resolveNow(req.now, eventId);
    const [seq] = unwrap(
      await this.call('cancel', this.args.cancelArgs(eventId, seats, ga, now, req.force === true)),
      eventId,
    );
    return { seq: Number(seq) };
  }

  async block(eventId: string, req: SeatsRequest): Promise<{ seq: number }> {
    const [seats, now] = this.seatsRequest(eventId, req);
    const [seq] = unwrap(
      await this.call('block', this.args.blockArgs(eventId, seats, now)),
      eventId,
    );
    return { seq: Number(seq) };
  }

  async unblock(eventId: string, req: SeatsRequest): Promise<{ seq: number }> {
    const [seats, now] = this.seatsRequest(eventId, req);
    const [seq] = unwrap(
      await this.call('unblock', this.args.unblockArgs(eventId, seats, now)),
      eventId,
    );
    return { seq: Number(seq) };
  }

  async sweep(eventId: string, now?: number): Promise<SweepResult> {
    v.checkEventId(eventId);
    const at = v.resolveNow(now, eventId);
    const [seq, tokens, released] = unwrap(
      await this.call('sweep', this.args.sweepArgs(eventId, at)),
      eventId,
    );
    return {
      expiredTokens: (tokens as string[]).map(String).sort(),
      released: toNumbers(released).sort((a, b) => a - b),
      seq: Number(seq),
    };
  }

  async snapshot(eventId: string, now?: number): Promise<Snapshot> {
    v.checkEventId(eventId);
    const at = v.resolveNow(now, eventId);
    const reply = await this.call('snapshot', this.args.snapshotArgs(eventId, at), true);
    const [epoch, seq, raw, gaHash, dueSeats, dueGa] = unwrap(reply, eventId);
    const status = new Uint8Array(raw as Buffer);
    for (const seat of toNumbers(dueSeats)) if (status[seat] === 1) status[seat] = 0;
    const ga = toGaStates(gaHash);
    for (const { areaId, quantity } of toGaQuantities(dueGa)) {
      const area = ga.find((a) => a.areaId === areaId);
      if (area) area.held -= quantity;
    }
    return {
      eventId,
      epoch: Number(epoch),
      seq: Number(seq),
      status,
      ga,
      counts: countStatus(status),
    };
  }

  async changesSince(eventId: string, sinceSeq: number): Promise<ChangeBatch | null> {
    v.checkEventId(eventId);
    const since = v.checkSeq(sinceSeq, eventId);
    const reply = await this.call('changes', this.args.changesArgs(eventId, since));
    const [epoch, seq, reachable, entries] = unwrap(reply, eventId);
    if (!reachable) return null;
    // The first entry may also hold seqs up to `since` (a batch logs all its seqs in one).
    const merged = mergeEntries(toLogEntries(entries).filter((entry) => entry.seq > since));
    return { eventId, epoch: Number(epoch), fromSeq: since, seq: Number(seq), ...merged };
  }

  onChange(listener: ChangeListener): () => void {
    return this.subscriber.add(listener);
  }

  /** Resolves once the change subscription is active (changes before it are not reported). */
  subscribed(): Promise<void> {
    return this.subscriber.ready();
  }

  async activeEvents(now?: number): Promise<string[]> {
    const key = this.keys.active();
    this.flush();
    await this.redis.zremrangebyscore(key, '-inf', `(${v.resolveNow(now, '') - this.retentionMs}`);
    return this.redis.zrange(key, 0, -1);
  }

  async close(): Promise<void> {
    this.flush();
    await this.subscriber.close();
    if (this.ownsConnection) await this.redis.quit();
  }

  /** Sends a function call after the holds and releases waiting to go out (keeping call order). */
  private call(command: string, args: ScriptArgs, buffers = false): Promise<unknown> {
    this.flush();
    return this.functions.call(command, args, buffers);
  }

  /**
   * Queues a hold or release. Consecutive ones of one event go out as one batch call at the end
   * of this turn of the event loop, or as soon as any other command is asked for, so commands
   * still reach Redis in the order they were asked.
   */
  private enqueue(
    eventId: string,
    command: 'hold' | 'release',
    group: ScriptArgs,
  ): Promise<unknown> {
    let batch = this.pending;
    if (batch && batch.eventId !== eventId) {
      this.flush();
      batch = undefined;
    }
    if (!batch) {
      batch = { eventId, commands: [], groups: [], settle: [] };
      this.pending = batch;
      setImmediate(this.flush);
    }
    const queued = batch;
    queued.commands.push(command);
    queued.groups.push(group);
    const reply = new Promise((resolve, reject) => queued.settle.push({ resolve, reject }));
    if (queued.groups.length >= this.maxBatch) this.flush();
    return reply;
  }

  /** Sends the waiting batch; a command alone calls its own function. */
  private readonly flush = (): void => {
    const batch = this.pending;
    if (!batch) return;
    this.pending = undefined;
    const { eventId, commands, groups, settle } = batch;
    if (settle.length === 1) {
      const { resolve, reject } = settle[0]!;
      const command = commands[0]!;
      this.functions.call(command, this.args.groupArgs(eventId, groups[0]!)).then(resolve, reject);
      return;
    }
    this.functions.call('batch', this.args.batchArgs(eventId, groups)).then(
      (replies) =>
        (replies as unknown[]).forEach((reply, i) => {
          // A command that raised an error in Redis answers it alone (lua/batch-7.lua).
          if (reply instanceof Error) settle[i]!.reject(reply);
          else settle[i]!.resolve(reply);
        }),
      (err: unknown) => {
        for (const { reject } of settle) reject(err);
      },
    );
  };

  private seatsRequest(eventId: string, req: SeatsRequest): [number[], number] {
    v.checkEventId(eventId);
    const seats = v.checkSeats(req.seats, eventId);
    if (seats.length === 0) throw v.emptySeats(eventId);
    return [seats, v.resolveNow(req.now, eventId)];
  }

  /**
   * Registers the event for the sweeper (the zset lives outside the event's hash slot, so no
   * script can write it). Only a later expiry than this process already registered costs a ZADD;
   * the retention window absorbs the 1 s slack. An efficiency hint: lazy expiry keeps
   * correctness when an event is missed. Sent alongside the script (same pipeline); undefined
   * when no ZADD is needed, so the hot path allocates nothing.
   */
  private markActive(eventId: string, expiresAt: number): Promise<unknown> | undefined {
    if ((this.registered.get(eventId) ?? -Infinity) + 1000 > expiresAt) return undefined;
    this.registered.set(eventId, expiresAt);
    const zadd = this.redis.zadd(this.keys.active(), 'GT', expiresAt, eventId);
    // When the command it rides with fails first (Redis away), nobody awaits it: without this a
    // rejected ZADD is an unhandled rejection that ends the node (found by the Redis-restart
    // chaos test). Awaited, it still rejects.
    zadd.catch(() => undefined);
    return zadd;
  }
}
