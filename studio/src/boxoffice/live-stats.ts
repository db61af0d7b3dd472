// Running statistics of one event over the staff-only /boxoffice namespace: the snapshot in the
// subscribe answer, then coalesced `stats` pushes (stats-state.ts merges them).
import { BOXOFFICE_NAMESPACE } from '@parterre/seatmaps';
import type {
  BoxOfficeClientToServerEvents,
  BoxOfficeServerToClientEvents,
  BoxOfficeSubscribeAck,
} from '@parterre/seatmaps';
import type { Socket } from 'socket.io-client';
import { connectProblem, openSocket } from './sockets.ts';
import { applyStats, fromSnapshot, type StatsState } from './stats-state.ts';

type StatsSocket = Socket<BoxOfficeServerToClientEvents, BoxOfficeClientToServerEvents>;

export interface LiveStatsListener {
  stats(state: StatsState): void;
  problem(message: string | null): void;
}

export class LiveStats {
  private readonly socket: StatsSocket;
  private state: StatsState | null = null;

  constructor(
    private readonly eventId: string,
    apiKey: string | null,
    private readonly listener: LiveStatsListener,
  ) {
    this.socket = openSocket<StatsSocket>(BOXOFFICE_NAMESPACE, apiKey);
    this.socket.on('connect', () => this.subscribe());
    this.socket.on('connect_error', (err) => listener.problem(connectProblem(err)));
    this.socket.on('stats', (msg) => {
      if (!this.state || msg.eventId !== eventId) return;
      this.state = applyStats(this.state, msg);
      listener.stats(this.state);
    });
    this.socket.on('snapshot', (snap) => {
      if (snap.eventId !== eventId) return;
      this.state = fromSnapshot(snap);
      listener.stats(this.state);
    });
    this.socket.on('incompatible', () =>
      listener.problem('This studio is older than the engine: reload the page.'),
    );
  }

  close(): void {
    this.socket.disconnect();
  }

  private subscribe(): void {
    this.socket.emit('subscribe', { eventId: this.eventId }, (ack: BoxOfficeSubscribeAck) => {
      if (!ack.ok) {
        this.listener.problem(`Sales statistics are unavailable: ${ack.error.message}`);
        return;
      }
      this.listener.problem(null);
      this.state = fromSnapshot(ack.snapshot);
      this.listener.stats(this.state);
    });
  }
}
