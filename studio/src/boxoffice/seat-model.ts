// The event layout prepared for the box office map: seat positions in typed arrays (index =
// the seat's status index), a grid for finding the seat under the pointer, the pitch that sizes
// seats on screen, and seat names in plain words.
import type { EventLayout, LayoutSeat } from '../api/events-api.ts';

export interface SeatModel {
  readonly seats: readonly LayoutSeat[];
  readonly xs: Float32Array;
  readonly ys: Float32Array;
  /** Level index per seat (position in `levels`). */
  readonly level: Uint16Array;
  readonly levels: readonly { id: string; name: string }[];
  /** Typical distance between neighbouring seats (world units). */
  readonly pitch: number;
  readonly width: number;
  readonly height: number;
  readonly byId: ReadonlyMap<string, number>;
  /** Seat indexes by grid cell key (cell size = pitch). */
  readonly grid: ReadonlyMap<string, number[]>;
}

function typicalPitch(seats: readonly LayoutSeat[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < seats.length && gaps.length < 2000; i++) {
    const a = seats[i - 1]!;
    const b = seats[i]!;
    if (a.row !== b.row || a.section !== b.section) continue;
    const d = Math.hypot(a.x - b.x, a.y - b.y);
    if (d > 0) gaps.push(d);
  }
  if (gaps.length === 0) return 20;
  gaps.sort((x, y) => x - y);
  return gaps[Math.floor(gaps.length / 2)]!;
}

const cell = (x: number, y: number, size: number) =>
  `${Math.floor(x / size)},${Math.floor(y / size)}`;

export function buildSeatModel(layout: EventLayout): SeatModel {
  const seats = [...layout.seats].sort((a, b) => a.index - b.index);
  const n = seats.length;
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  const level = new Uint16Array(n);
  const levelIndex = new Map(layout.levels.map((l, i) => [l.id, i]));
  const byId = new Map<string, number>();
  const pitch = typicalPitch(seats);
  const grid = new Map<string, number[]>();
  for (const s of seats) {
    xs[s.index] = s.x;
    ys[s.index] = s.y;
    level[s.index] = levelIndex.get(s.level) ?? 0;
    byId.set(s.id, s.index);
    const key = cell(s.x, s.y, pitch);
    const list = grid.get(key);
    if (list) list.push(s.index);
    else grid.set(key, [s.index]);
  }
  return {
    seats,
    xs,
    ys,
    level,
    levels: layout.levels.length ? layout.levels : [{ id: 'main', name: 'Main' }],
    pitch,
    width: layout.size.width,
    height: layout.size.height,
    byId,
    grid,
  };
}

/** The seat of `levelIdx` nearest to (x, y) within half a pitch, or -1. */
export function seatAt(model: SeatModel, levelIdx: number, x: number, y: number): number {
  const size = model.pitch;
  const cx = Math.floor(x / size);
  const cy = Math.floor(y / size);
  let best = -1;
  let bestD = (size * 0.5) ** 2;
  for (let dx = -1; dx <= 1; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (const i of model.grid.get(`${cx + dx},${cy + dy}`) ?? []) {
        if (model.level[i] !== levelIdx) continue;
        const d = (model.xs[i]! - x) ** 2 + (model.ys[i]! - y) ** 2;
        if (d <= bestD) {
          bestD = d;
          best = i;
        }
      }
    }
  }
  return best;
}

/** Seats of `levelIdx` inside a world rectangle (corners in any order). */
export function seatsIn(
  model: SeatModel,
  levelIdx: number,
  a: { x: number; y: number },
  b: { x: number; y: number },
): number[] {
  const [x0, x1] = a.x < b.x ? [a.x, b.x] : [b.x, a.x];
  const [y0, y1] = a.y < b.y ? [a.y, b.y] : [b.y, a.y];
  const out: number[] = [];
  for (let i = 0; i < model.xs.length; i++) {
    if (model.level[i] !== levelIdx) continue;
    const x = model.xs[i]!;
    const y = model.ys[i]!;
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1) out.push(i);
  }
  return out;
}

/** "Stalls, row A, seat 12". */
export function seatName(seat: LayoutSeat): string {
  return `${seat.section}, row ${seat.row}, seat ${seat.label}`;
}

/**
 * Seats in plain words, grouped by row: "Stalls row A: 1, 2, 3 · Circle row C: 7".
 * @example describeSeats(model, [0, 1]) // 'Stalls row A: 1, 2'
 */
export function describeSeats(model: SeatModel, indexes: readonly number[], max = 40): string {
  const groups = new Map<string, string[]>();
  for (const i of indexes.slice(0, max)) {
    const s = model.seats[i];
    if (!s) continue;
    const key = `${s.section} row ${s.row}`;
    const list = groups.get(key);
    if (list) list.push(s.label);
    else groups.set(key, [s.label]);
  }
  const text = [...groups].map(([k, labels]) => `${k}: ${labels.join(', ')}`).join(' · ');
  return indexes.length > max ? `${text} … and ${indexes.length - max} more` : text;
}
