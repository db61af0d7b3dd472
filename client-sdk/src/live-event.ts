// The headless live client: one event's seat status, kept in sync over the engine's /live
// socket, plus holding and releasing seats. No UI, no framework: the seat picker and the box
// office build on it.
import { LIVE_NAMESPACE, PROTOCOL_VERSION, StatusMirror } from '@parterre/seatmaps/client';
import type {
  Ack,
  ClientToServerEvents,
  GaAvailability,
  SeatsMessage,
  ServerToClientEvents,
  StatusCounts,
  SubscribeAck,
} from '@parterre/seatmaps';
import { io as defaultIo } from 'socket.io-client';
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import { Emitter } from './emitter.ts';
import { IncompatibleError, LiveError, TimeoutError, fromAckError } from './errors.ts';

/** The live socket, typed by the shared protocol. */
export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
/** A socket.io-client `io` function (the default, or one with custom transports in tests). */
export type IoFactory = (url: string, opts: Partial<ManagerOptions & SocketOptions>) => LiveSocket;

export interface LiveEventOptions {
  /** The engine's origin, e.g. `https://tickets.example.org`. */
  url: string;
  /** A public (`pk_…`) or secret key. */
  key: string;
  eventId: string;
  io?: IoFactory;
  /** How long to wait for a command's answer (default 10 s). */
  commandTimeoutMs?: number;
  /** Extra socket.io-client options (e.g. `reconnectionDelayMax`). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

/** `syncing`: connected, (re)loading state; `live`: in sync; `closed`: stopped for good. */
export type LiveStatus = 'idle' | 'connecting' | 'syncing' | 'live' | 'offline' | 'closed';

/** Payload of the `change` event: seat indexes whose status changed, and the GA areas. */
export interface LiveChange {
  seats: number[];
  ga: GaAvailability[];
  source: 'snapshot' | 'delta';
}

/** This client's current hold. */
export interface LiveHold {
  holdToken: string;
  /** Server clock, ms since the epoch. */
  expiresAt: number;
  seats: string[];
}

export interface LiveEventEvents {
  change: LiveChange;
  status: LiveStatus;
  error: LiveError;
  /** The hold changed (null: released or expired). */
  hold: LiveHold | null;
}

const RETRY_MS = 1000;

/**
 * Live availability of one event, mirrored locally as one status byte per seat (index order of
 * the event's layout), with hold/release over the same socket.
 *
 * Sync: subscribe answers a snapshot (or, on reconnect, the deltas since the last seq); `seats`
 * messages are applied in seq order; a gap, a `resync` or a reconnect resubscribes with the last
 * seq, so the mirror never shows stale state silently.
 *
 * @example
 * const live = new LiveEvent({ url: 'https://tickets.example.org', key: 'pk_…', eventId });
 * live.on('change', ({ seats }) => repaint(seats.map((i) => [i, live.status[i]])));
 * await live.connect();
 * try {
 *   const hold = await live.hold(['A-1', 'A-2']);
 *   startCountdown(() => live.holdRemainingMs());
 * } catch (err) {
 *   if (err instanceof SeatsUnavailableError) alert(`Taken: ${err.seats.join(', ')}`);
 * }
 */
export class LiveEvent extends Emitter<LiveEventEvents> {
  readonly eventId: string;
  private readonly opts: LiveEventOptions;
  private readonly mirror = new StatusMirror();
  private sock: LiveSocket | undefined;
  private state: LiveStatus = 'idle';
  private subscribing = false;
  private subscribeAgain = false;
  private buffered: SeatsMessage[] = [];
  private current: LiveHold | null = null;
  private clockOffset = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private firstSync: { resolve(): void; reject(err: Error): void } | undefined;

  constructor(opts: LiveEventOptions) {
    super();
    this.opts = opts;
    this.eventId = opts.eventId;
  }

  /** One byte per seat (0 free, 1 held, 2 booked, 3 blocked); updated in place. */
  get status(): Uint8Array {
    return this.mirror.status;
  }
  /** Last applied change number (-1 before the first snapshot). */
  get seq(): number {
    return this.mirror.seq;
  }
  /** State generation: changes when the engine rebuilt the event. */
  get epoch(): number {
    return this.mirror.epoch;
  }
  get counts(): StatusCounts {
    return { ...this.mirror.counts };
  }
  get ga(): GaAvailability[] {
    return [...this.mirror.ga.values()].map((a) => ({ ...a }));
  }
  get connectionStatus(): LiveStatus {
    return this.state;
  }
  /** The current hold, or null. */
  get currentHold(): LiveHold | null {
    return this.current && { ...this.current, seats: [...this.current.seats] };
  }
  /** Server clock minus local clock (ms), estimated from command round trips. */
  get serverTimeOffset(): number {
    return this.clockOffset;
  }
  /** When the current hold expires, in server time; undefined without a hold. */
  get holdExpiresAt(): number | undefined {
    return this.current?.expiresAt;
  }
  /** The underlying socket (diagnostics and tests); undefined before connect(). */
  get socket(): LiveSocket | undefined {
    return this.sock;
  }

  /** Ms left on the current hold by the server's clock (0 when expired or none). */
  holdRemainingMs(now = Date.now()): number {
    return this.current ? Math.max(0, this.current.expiresAt - (now + this.clockOffset)) : 0;
  }

  /**
   * Opens the connection; resolves once the first snapshot is applied. Rejects when the engine
   * refuses the key or protocol version or the event does not exist (the client then stops).
   */
  connect(): Promise<void> {
    if (this.sock)
      return Promise.reject(new LiveError('ALREADY_CONNECTED', 'connect() was already called'));
    const promise = new Promise<void>((resolve, reject) => (this.firstSync = { resolve, reject }));
    const io = this.opts.io ?? (defaultIo as unknown as IoFactory);
    const socket = io(this.opts.url.replace(/\/$/, '') + LIVE_NAMESPACE, {
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      ...this.opts.socketOptions,
      auth: { key: this.opts.key, protocolVersion: PROTOCOL_VERSION },
    });
    this.sock = socket;
    this.setStatus('connecting');
    socket.on('connect', () => {
      this.setStatus('syncing');
      this.resubscribe();
    });
    socket.on('disconnect', (reason) => this.onDisconnect(reason));
    socket.on('connect_error', (err) => this.onConnectError(err));
    socket.on('seats', (msg) => this.onSeats(msg));
    socket.on('resync', (msg) => {
      if (msg.eventId === this.eventId) this.resubscribe();
    });
    socket.on('incompatible', ({ reason, serverVersion }) =>
      this.fail(
        new IncompatibleError(
          reason,
          `Engine speaks protocol ${serverVersion}, this client ${PROTOCOL_VERSION} (${reason})`,
        ),
      ),
    );
    return promise;
  }

  /** Closes the connection for good. */
  close(): void {
    clearTimeout(this.retryTimer);
    this.sock?.disconnect();
    this.setStatus('closed');
    this.firstSync?.reject(new LiveError('CLOSED', 'closed before the first snapshot'));
    this.firstSync = undefined;
  }

  /**
   * Holds seats (by id) and optionally GA quantities, adding to this client's current hold.
   * All or nothing: throws SeatsUnavailableError naming the taken seats.
   */
  async hold(seatIds: string[], ga?: { areaId: string; quantity: number }[]): Promise<LiveHold> {
    // A hold that ran out by the server's clock cannot be extended: start a new one.
    const token = this.holdRemainingMs() > 0 ? this.current?.holdToken : undefined;
    const res = await this.command('hold', {
      eventId: this.eventId,
      seats: seatIds,
      ...(ga ? { ga } : {}),
      ...(token ? { holdToken: token } : {}),
    });
    this.setHold({ holdToken: res.holdToken, expiresAt: res.expiresAt, seats: res.seats });
    return { holdToken: res.holdToken, expiresAt: res.expiresAt, seats: res.seats };
  }

  /** Releases some seats of the current hold, or all of it; returns the released seat ids. */
  async release(seatIds?: string[]): Promise<string[]> {
    const held = this.current;
    if (!held) return [];
    const res = await this.command('release', {
      eventId: this.eventId,
      holdToken: held.holdToken,
      ...(seatIds ? { seats: seatIds } : {}),
    });
    const left = seatIds ? held.seats.filter((s) => !res.released.includes(s)) : [];
    this.setHold(left.length ? { ...held, seats: left } : null);
    return res.released;
  }

  private command<E extends 'hold' | 'release'>(
    name: E,
    req: Parameters<ClientToServerEvents[E]>[0],
  ): Promise<Extract<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0], { ok: true }>> {
    const socket = this.sock;
    if (!socket) return Promise.reject(new LiveError('NOT_CONNECTED', 'call connect() first'));
    // socket.io-client would buffer the command and send it after a reconnect, possibly after
    // we reported a timeout: a hold nobody knows about. Refuse instead while offline.
    if (!socket.connected) {
      return Promise.reject(
        new LiveError('OFFLINE', `cannot ${name} while disconnected; retry when live`),
      );
    }
    const ms = this.opts.commandTimeoutMs ?? 10_000;
    const sentAt = Date.now();
    return new Promise((resolve, reject) => {
      const onAck = (err: Error | null, res: Ack<object>) => {
        // socket.io answers a pending ack with an error on timeout and when the connection drops.
        if (err && !socket.connected) {
          return reject(
            new LiveError(
              'CONNECTION_LOST',
              `The connection dropped before the ${name} was answered; it may or may not have happened (the live status shows which once reconnected)`,
            ),
          );
        }
        if (err) return reject(new TimeoutError(name, ms));
        this.clockOffset = res.serverTime - (sentAt + Date.now()) / 2;
        if (res.ok) return resolve(res as never);
        const error = fromAckError(res.error);
        if (error.code === 'HOLD_EXPIRED' || error.code === 'HOLD_NOT_FOUND') this.setHold(null);
        reject(error);
      };
      (socket.timeout(ms) as unknown as { emit(...args: unknown[]): void }).emit(name, req, onAck);
    });
  }

  private setHold(hold: LiveHold | null): void {
    this.current = hold;
    this.emit('hold', this.currentHold);
  }

  private setStatus(status: LiveStatus): void {
    if (this.state === status || this.state === 'closed') return;
    this.state = status;
    this.emit('status', status);
  }

  /** Stops for good after a refusal the client cannot fix by retrying. */
  private fail(err: LiveError): void {
    this.emit('error', err);
    this.firstSync?.reject(err);
    this.firstSync = undefined;
    clearTimeout(this.retryTimer);
    this.sock?.disconnect();
    this.setStatus('closed');
  }

  private onDisconnect(reason: string): void {
    if (this.state === 'closed') return;
    this.setStatus('offline');
    // The server dropped us (shutdown, rebalancing): socket.io does not retry that by itself.
    if (reason === 'io server disconnect') this.retryLater(() => this.sock?.connect());
  }

  private onConnectError(err: Error & { data?: { code?: string } }): void {
    if (this.state === 'closed') return;
    const code = err.data?.code;
    if (this.sock?.active) return this.setStatus('offline'); // transport trouble: socket.io retries
    if (code === 'SERVICE_UNAVAILABLE') {
      this.setStatus('offline');
      return this.retryLater(() => this.sock?.connect());
    }
    this.fail(new IncompatibleError(code ?? 'CONNECT_REFUSED', err.message));
  }

  private retryLater(fn: () => void, ms = RETRY_MS): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(fn, ms);
  }

  private onSeats(msg: SeatsMessage): void {
    if (msg.eventId !== this.eventId) return;
    if (this.subscribing) {
      this.buffered.push(msg);
      return;
    }
    this.offer(msg, 'delta');
  }

  /** Applies a batch; on a gap or a new epoch, resubscribes. */
  private offer(msg: SeatsMessage, source: LiveChange['source']): void {
    const outcome = this.mirror.apply(msg);
    if (outcome.kind === 'resync') return this.resubscribe();
    if (outcome.kind === 'applied' && outcome.seats.length + msg.ga.length > 0) {
      this.emit('change', { seats: outcome.seats, ga: msg.ga, source });
    }
  }

  /** (Re)subscribes with the last seq; one request at a time, repeated if asked meanwhile. */
  private resubscribe(): void {
    const socket = this.sock;
    if (!socket || this.state === 'closed') return;
    if (this.subscribing) {
      this.subscribeAgain = true;
      return;
    }
    this.subscribing = true;
    this.subscribeAgain = false;
    this.buffered = [];
    const req = this.mirror.ready
      ? { eventId: this.eventId, sinceSeq: this.mirror.seq, epoch: this.mirror.epoch }
      : { eventId: this.eventId };
    const ms = this.opts.commandTimeoutMs ?? 10_000;
    socket.timeout(ms).emit('subscribe', req, (err: Error | null, res: SubscribeAck) => {
      this.subscribing = false;
      if (err) {
        // Timed out: if the connection dropped, the next `connect` resubscribes.
        if (socket.connected) this.retryLater(() => this.resubscribe());
        return;
      }
      this.onSubscribed(res);
    });
  }

  private onSubscribed(res: SubscribeAck): void {
    if (!res.ok) {
      const error = fromAckError(res.error);
      if (res.error.code === 'NOT_FOUND' || res.error.code === 'FORBIDDEN') return this.fail(error);
      this.emit('error', error);
      const wait = res.error.retryAfterMs ?? RETRY_MS;
      return this.retryLater(() => this.resubscribe(), wait);
    }
    if (res.mode === 'snapshot') {
      const seats = this.mirror.load(res.snapshot);
      this.emit('change', { seats, ga: res.snapshot.ga, source: 'snapshot' });
    } else {
      this.offer(res.deltas, 'delta');
    }
    const buffered = this.buffered;
    this.buffered = [];
    for (const msg of buffered) {
      if (this.subscribing) break; // a gap started a new subscription, which supersedes these
      this.offer(msg, 'delta');
    }
    if (this.subscribeAgain) return this.resubscribe();
    if (this.mirror.ready && !this.subscribing) {
      this.setStatus('live');
      this.firstSync?.resolve();
      this.firstSync = undefined;
    }
  }
}
