// Seats around tables, in the table's own coordinates (origin at the table's centre): the
// table's transform places and rotates the whole group.
import type { Seat, Table } from '../model/elements.ts';
import { brand, type CategoryKey, type TableId } from '../model/ids.ts';
import type { Point, Transform } from '../model/primitives.ts';
import { SEAT_RADIUS } from '../geometry/seat.ts';
import { seatLabels } from './numbering.ts';
import { placeSeats } from './seats.ts';

const DEG = Math.PI / 180;

/** Distance from a table's edge to the centre of its chairs. */
export const CHAIR_GAP = 1.5 * SEAT_RADIUS;
/** Space each chair takes along a rectangular table's side. */
export const CHAIR_PITCH = 2.5 * SEAT_RADIUS;

/**
 * Chairs evenly around a round table of `diameter`, `chairGap` outside the rim, the first at the
 * top (12 o'clock) and going clockwise.
 * @example roundTableSeatPositions(90, 8) // 8 points 60 from the centre
 */
export function roundTableSeatPositions(
  diameter: number,
  seatCount: number,
  chairGap = CHAIR_GAP,
): Point[] {
  checkTable(diameter, diameter, seatCount);
  const r = diameter / 2 + chairGap;
  return Array.from({ length: seatCount }, (_, i) => {
    const a = (-90 + (i * 360) / seatCount) * DEG;
    return { x: r * Math.cos(a), y: r * Math.sin(a) };
  });
}

/** `count` chairs centred in equal slots along a side of `length`, from -length/2 to +length/2. */
function slots(count: number, length: number): number[] {
  return Array.from({ length: count }, (_, i) => -length / 2 + ((i + 0.5) * length) / count);
}

/**
 * Chairs around a rectangular table: both long sides first (as many as fit at CHAIR_PITCH),
 * then the ends. Numbered clockwise from the top-left chair of the first long side.
 * Throws a RangeError when the chairs do not fit.
 * @example rectTableSeatPositions(120, 60, 10) // 4 + 4 along the sides, 1 at each end
 */
export function rectTableSeatPositions(
  width: number,
  height: number,
  seatCount: number,
  chairGap = CHAIR_GAP,
): Point[] {
  checkTable(width, height, seatCount);
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const sideSeats = Math.min(seatCount, 2 * Math.max(1, Math.floor(long / CHAIR_PITCH)));
  const endSeats = seatCount - sideSeats;
  if (endSeats > 2 * Math.max(1, Math.floor(short / CHAIR_PITCH))) {
    throw new RangeError(`a ${width}×${height} table has no room for ${seatCount} chairs`);
  }
  const [top, right] = [Math.ceil(sideSeats / 2), Math.ceil(endSeats / 2)];
  const yOut = short / 2 + chairGap;
  const xOut = long / 2 + chairGap;
  // Clockwise with the long side along x: top, right end, bottom, left end.
  const points: Point[] = [
    ...slots(top, long).map((x) => ({ x, y: -yOut })),
    ...slots(right, short).map((y) => ({ x: xOut, y })),
    ...slots(sideSeats - top, long).map((x) => ({ x: -x, y: yOut })),
    ...slots(endSeats - right, short).map((y) => ({ x: -xOut, y: -y })),
  ];
  // A tall table is the same table turned a quarter clockwise.
  return width >= height ? points : points.map((p) => ({ x: -p.y, y: p.x }));
}

function checkTable(width: number, height: number, seatCount: number): void {
  if (!(width > 0) || !(height > 0) || !Number.isFinite(width) || !Number.isFinite(height)) {
    throw new RangeError(`table size must be positive and finite, got ${width}×${height}`);
  }
  if (!Number.isInteger(seatCount) || seatCount < 1 || seatCount > 64) {
    throw new RangeError(`a table seats 1 to 64, got ${seatCount}`);
  }
}

function tableSeatPositions(t: Pick<Table, 'shape' | 'width' | 'height' | 'seatCount'>): Point[] {
  return t.shape === 'round'
    ? roundTableSeatPositions(t.width, t.seatCount)
    : rectTableSeatPositions(t.width, t.height, t.seatCount);
}

/** What `createTable` needs. A round table's diameter is `width`; `height` defaults to it. */
export interface CreateTableParams {
  readonly id: string;
  readonly label: string;
  readonly shape: 'round' | 'rect';
  readonly transform: Transform;
  readonly width: number;
  readonly height?: number;
  readonly seatCount: number;
  readonly category?: CategoryKey;
}

/**
 * A complete Table record with its chairs, labelled 1…n, ids `${id}-${n}`.
 * @example createTable({ id: 't1', label: 'Table 1', shape: 'round', transform: { x: 300, y: 200, rotation: 0 }, width: 90, seatCount: 8 })
 */
export function createTable(params: CreateTableParams): Table {
  const height = params.height ?? params.width;
  const table = { ...params, height };
  const positions = tableSeatPositions(table);
  return {
    type: 'table',
    id: brand<TableId>(params.id),
    label: params.label,
    shape: params.shape,
    transform: params.transform,
    width: params.width,
    height,
    seatCount: params.seatCount,
    ...(params.category === undefined ? {} : { category: params.category }),
    seats: placeSeats(positions, seatLabels(positions.length), params.id),
    version: 1,
    updated: 0,
  };
}

/**
 * Re-seats a table after its shape, size or seat count changed; like `regenerateRow`, the first
 * seats keep their ids, categories and flags. The table's `version` is bumped.
 * @example regenerateTable({ ...table, seatCount: 10 })
 */
export function regenerateTable(table: Table, options: { now?: number } = {}): Table {
  const positions = tableSeatPositions(table);
  const seats: Seat[] = placeSeats(positions, seatLabels(positions.length), table.id, table.seats);
  return { ...table, seats, version: table.version + 1, updated: options.now ?? table.updated };
}
