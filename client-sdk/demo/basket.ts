// The visitor's hold through the REST API with the public key: one hold token shared by seats
// picked on the map and by "best available", so checkout books one basket. It implements the
// picker's SeatHolder interface.
import type { SeatHolder } from '../src/index.ts';
// Not re-exported by src/index.ts yet (outside this change): the picker's own type file.
import type { GaQuantity } from '../src/picker/types.ts';

export interface BasketState {
  holdToken: string | null;
  /** Server time (ms) the hold expires; null without a hold. */
  expiresAt: number | null;
  seats: string[];
  /** Standing places in the hold. */
  ga: GaQuantity[];
  /**
   * The visitor released the whole hold (the picker does so to lower standing places and holds
   * again at once): not a lost hold, so the selection stays.
   */
  released?: boolean;
}

/** A refusal of the engine: its problem `code`, and the seats it is about. */
export class BasketError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly seats: string[] = [],
  ) {
    super(message);
  }
}

interface HoldAnswer {
  holdToken: string;
  expiresAt: string;
  seats: string[];
  /** Every standing place of the hold. */
  ga: GaQuantity[];
}

/**
 * @example
 * const basket = new Basket({ url: location.origin, publicKey, eventId });
 * await basket.bestAvailable(2);
 */
export class Basket implements SeatHolder {
  state: BasketState = { holdToken: null, expiresAt: null, seats: [], ga: [] };
  /** Server clock minus local clock (ms), from the Date header of the last answer. */
  serverOffsetMs = 0;
  private readonly listeners = new Set<(state: BasketState) => void>();

  constructor(private readonly opts: { url: string; publicKey: string; eventId: string }) {}

  onChange(listener: (state: BasketState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds seats and standing places (`ga`) to the hold. */
  async hold(seatIds: string[], ga?: GaQuantity[]): Promise<void> {
    const body = { seats: seatIds, ...(ga?.length ? { ga } : {}), ...this.token() };
    this.adopt(await this.post<HoldAnswer>('holds', body));
  }

  /** Holds the best `quantity` seats together; returns the ids newly held. */
  async bestAvailable(quantity: number): Promise<string[]> {
    const before = new Set(this.state.seats);
    const answer = await this.post<HoldAnswer>('holds/best-available', {
      quantity,
      ...this.token(),
    });
    this.adopt(answer);
    return answer.seats.filter((s) => !before.has(s));
  }

  /** Releases some seats, or without ids the whole hold (standing places leave only so). */
  async release(seatIds?: string[]): Promise<void> {
    const token = this.state.holdToken;
    if (!token) return;
    await this.post('release', { holdToken: token, ...(seatIds ? { seats: seatIds } : {}) });
    const left = seatIds ? this.state.seats.filter((s) => !seatIds.includes(s)) : [];
    // The hold lives on while it has seats or standing places (seat ids never release those).
    const lives = left.length > 0 || (seatIds !== undefined && this.state.ga.length > 0);
    this.set(lives ? { ...this.state, seats: left } : { ...this.empty(), released: true });
  }

  /** Forgets the hold (after checkout or expiry). */
  reset(): void {
    this.set(this.empty());
  }

  private token(): { holdToken?: string } {
    return this.state.holdToken ? { holdToken: this.state.holdToken } : {};
  }

  private empty(): BasketState {
    return { holdToken: null, expiresAt: null, seats: [], ga: [] };
  }

  private adopt(answer: HoldAnswer): void {
    const seats = [...new Set([...this.state.seats, ...answer.seats])];
    const expiresAt = Date.parse(answer.expiresAt);
    this.set({ holdToken: answer.holdToken, expiresAt, seats, ga: answer.ga ?? [] });
  }

  private set(state: BasketState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  private async post<T>(path: string, body: object): Promise<T> {
    const { url, publicKey, eventId } = this.opts;
    const sentAt = Date.now();
    const res = await fetch(`${url}/api/v1/events/${encodeURIComponent(eventId)}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${publicKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    // Date has whole seconds: +500 ms centres the truncation; good enough for a countdown.
    const date = Date.parse(res.headers.get('date') ?? '');
    if (Number.isFinite(date)) this.serverOffsetMs = date + 500 - (sentAt + Date.now()) / 2;
    const answer = (await res.json().catch(() => ({}))) as T & {
      code?: string;
      detail?: string;
      seats?: string[];
    };
    if (res.ok) return answer;
    if (answer.code === 'HOLD_EXPIRED' || answer.code === 'HOLD_NOT_FOUND') this.reset();
    throw new BasketError(
      answer.code ?? `HTTP_${res.status}`,
      answer.detail ?? res.statusText,
      answer.seats,
    );
  }
}
