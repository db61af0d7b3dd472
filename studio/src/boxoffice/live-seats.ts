// Live seat states of one event over /live: a snapshot on subscribe, then coalesced `seats`
// batches; a gap, a `resync` or a reconnect subscribes again, so the map never shows stale state
// silently. Listeners hear which seat indexes changed.
import { LIVE_NAMESPACE, StatusMirror } from '@parterre/seatmaps';
import type {
  ClientToServerEvents,
  SeatsMessage,
  ServerToClientEvents,
  SubscribeAck,
} from '@parterre/seatmaps';
import type { Socket } from 'socket.io-client';
import { connectProblem, openSocket } from './sockets.ts';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type Connection = 'connecting' | 'live' | 'offline';

export interface LiveSeatsListener {
  seats(changed: readonly number[]): void;
  connection(state: Connection, problem: string | null): void;
}

export class LiveSeats {
  readonly mirror = new StatusMirror();
  private readonly socket: LiveSocket;
  private subscribing = false;
  private again = false;
  private closed = false;

  constructor(
    private readonly eventId: string,
    apiKey: string | null,
    private readonly listener: LiveSeatsListener,
  ) {
    this.socket = openSocket<LiveSocket>(LIVE_NAMESPACE, apiKey);
    this.socket.on('connect', () => this.subscribe());
    this.socket.on('connect_error', (err) => listener.connection('offline', connectProblem(err)));
    this.socket.on('disconnect', () => listener.connection('connecting', null));
    this.socket.on('seats', (msg) => this.onSeats(msg));
    this.socket.on('resync', (msg) => msg.eventId === eventId && this.subscribe());
    this.socket.on('incompatible', () =>
      listener.connection('offline', 'This studio is older than the engine: reload the page.'),
    );
  }

  close(): void {
    this.closed = true;
    this.socket.disconnect();
  }

  private onSeats(msg: SeatsMessage): void {
    if (msg.eventId !== this.eventId || this.subscribing) return;
    const outcome = this.mirror.apply(msg);
    if (outcome.kind === 'applied' && outcome.seats.length) this.listener.seats(outcome.seats);
    if (outcome.kind === 'resync') this.subscribe();
  }

  private subscribe(): void {
    if (this.closed) return;
    if (this.subscribing) {
      this.again = true;
      return;
    }
    this.subscribing = true;
    const { seq, epoch, ready } = this.mirror;
    const request = ready
      ? { eventId: this.eventId, sinceSeq: seq, epoch }
      : { eventId: this.eventId };
    this.socket.emit('subscribe', request, (ack: SubscribeAck) => {
      this.subscribing = false;
      if (!ack.ok) {
        this.listener.connection('offline', ack.error.message);
        return;
      }
      let changed: number[] = [];
      if (ack.mode === 'snapshot') changed = this.mirror.load(ack.snapshot);
      else {
        const outcome = this.mirror.apply(ack.deltas);
        if (outcome.kind === 'resync') {
          this.mirror.seq = -1;
          this.again = true;
        } else if (outcome.kind === 'applied') changed = outcome.seats;
      }
      if (this.again) {
        this.again = false;
        this.subscribe();
        return;
      }
      this.listener.connection('live', null);
      if (changed.length) this.listener.seats(changed);
    });
  }
}
