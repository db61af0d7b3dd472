// One *Args builder per Lua script: KEYS then ARGV, exactly as each script's header documents.
// Seats travel as "i,j,…" and GA as "area,qty,…" (area ids cannot contain "," or ";").
import type { GaAreaInit, GaQuantity } from '../seat-store.ts';
import type { Keys } from './keys.ts';

/** Arguments of one script call (keys first). */
export type ScriptArgs = (string | number | Buffer)[];

/** Most seats a hold may have for the scripts' fast path (Lua's unpack limit, with room). */
const FAST_SEATS = 250;

const seatsArg = (seats: readonly number[]): string => seats.join(',');
const gaArg = (ga: readonly GaQuantity[]): string =>
  ga.map((g) => `${g.areaId},${g.quantity}`).join(',');

/** Builds the arguments of every seat-store script for one key prefix. */
export class ArgsBuilder {
  /** KEYS[1..7] and ARGV[1..3] per event, built once: every command of a hot event reuses them. */
  private readonly frames = new Map<string, ScriptArgs>();

  constructor(
    private readonly keys: Keys,
    private readonly logMaxLen: number,
  ) {}

  /** KEYS[1..7] then ARGV[1..3] of every script: key base, eventId, change channel. */
  private frame(eventId: string): ScriptArgs {
    let frame = this.frames.get(eventId);
    if (!frame) {
      frame = [...this.keys.event(eventId), this.keys.base(eventId), eventId, this.keys.changes()];
      if (this.frames.size >= 10_000) this.frames.clear();
      this.frames.set(eventId, frame);
    }
    return frame;
  }

  /** KEYS[1..7] then ARGV[1..5] of every script: the frame, now, log max length. */
  private event(eventId: string, now: number): ScriptArgs {
    return [...this.frame(eventId), now, this.logMaxLen];
  }

  initArgs(
    eventId: string,
    seatCount: number,
    epoch: number,
    ga: readonly GaAreaInit[],
  ): ScriptArgs {
    const areas = ga.map((a) => `${a.areaId},${a.capacity}`).join(',');
    return [...this.event(eventId, 0), seatCount, epoch, areas];
  }

  restoreArgs(
    eventId: string,
    epoch: number,
    ga: readonly GaAreaInit[],
    gaBooked: Record<string, number>,
    status: Uint8Array,
    ifAbsent = false,
  ): ScriptArgs {
    const areas = ga.map((a) => `${a.areaId},${a.capacity},${gaBooked[a.areaId] ?? 0}`).join(',');
    const bytes = Buffer.from(status.buffer, status.byteOffset, status.byteLength);
    return [...this.event(eventId, 0), status.length, epoch, areas, bytes, ifAbsent ? '1' : '0'];
  }

  dropArgs(eventId: string): ScriptArgs {
    return this.event(eventId, 0);
  }

  /**
   * One hold of a batch call (lua/batch-7.lua): "h", now, then the hold's ARGV 6-11: whether
   * the fast path may apply (lua/includes/fast.lua: seats only, at most FAST_SEATS) and the
   * highest seat (its range check).
   */
  holdGroup(
    token: string,
    expiresAt: number,
    seats: readonly number[],
    ga: readonly GaQuantity[],
    now: number,
  ): ScriptArgs {
    const fast = ga.length === 0 && seats.length > 0 && seats.length <= FAST_SEATS;
    let max = -1;
    for (const seat of seats) if (seat > max) max = seat;
    return ['h', now, token, expiresAt, seatsArg(seats), gaArg(ga), fast ? 1 : 0, max];
  }

  /** One release of a batch call: "r", now, then the release's ARGV 6-7. */
  releaseGroup(token: string, seats: readonly number[] | undefined, now: number): ScriptArgs {
    return ['r', now, token, seats ? seatsArg(seats) : '*'];
  }

  /** The arguments of the batch function for commands' groups, in order. */
  batchArgs(eventId: string, groups: readonly ScriptArgs[]): ScriptArgs {
    const args = [...this.frame(eventId), 0, this.logMaxLen];
    for (const group of groups) for (const arg of group) args.push(arg);
    return args;
  }

  /** The arguments of a group's own function (hold or release) when it is sent alone. */
  groupArgs(eventId: string, group: ScriptArgs): ScriptArgs {
    const args = [...this.frame(eventId), group[1] as number, this.logMaxLen];
    for (let i = 2; i < group.length; i++) args.push(group[i] as string | number);
    return args;
  }

  extendArgs(eventId: string, token: string, expiresAt: number, now: number): ScriptArgs {
    return [...this.event(eventId, now), token, expiresAt];
  }

  getHoldArgs(eventId: string, token: string, now: number): ScriptArgs {
    return [...this.event(eventId, now), token];
  }

  checkHoldArgs(
    eventId: string,
    token: string,
    seats: readonly number[],
    ga: readonly GaQuantity[],
    now: number,
  ): ScriptArgs {
    return [...this.event(eventId, now), token, seatsArg(seats), gaArg(ga)];
  }

  bookArgs(
    eventId: string,
    token: string | undefined,
    force: boolean,
    seats: readonly number[],
    ga: readonly GaQuantity[],
    now: number,
  ): ScriptArgs {
    return [
      ...this.event(eventId, now),
      token ?? '',
      force ? '1' : '0',
      seatsArg(seats),
      gaArg(ga),
    ];
  }

  cancelArgs(
    eventId: string,
    seats: readonly number[],
    ga: readonly GaQuantity[],
    now: number,
    force = false,
  ): ScriptArgs {
    return [...this.event(eventId, now), seatsArg(seats), gaArg(ga), force ? '1' : '0'];
  }

  blockArgs(eventId: string, seats: readonly number[], now: number): ScriptArgs {
    return [...this.event(eventId, now), seatsArg(seats)];
  }

  unblockArgs(eventId: string, seats: readonly number[], now: number): ScriptArgs {
    return [...this.event(eventId, now), seatsArg(seats)];
  }

  sweepArgs(eventId: string, now: number): ScriptArgs {
    return this.event(eventId, now);
  }

  snapshotArgs(eventId: string, now: number): ScriptArgs {
    return this.event(eventId, now);
  }

  changesArgs(eventId: string, sinceSeq: number): ScriptArgs {
    return [...this.event(eventId, 0), sinceSeq];
  }
}
