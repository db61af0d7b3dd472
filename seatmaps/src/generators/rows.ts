// Rows of seats from the generator parameters stored on each row, so the studio can change a
// row's count, spacing or curve after the fact and get the same ids back.
import type { z } from 'zod';
import type { Row, RowGenerator, Seat } from '../model/elements.ts';
import { ArcRowGenerator, StraightRowGenerator } from '../model/elements.ts';
import { brand, type CategoryKey, type RowId } from '../model/ids.ts';
import { SeatNumbering } from '../model/numbering.ts';
import type { Point } from '../model/primitives.ts';
import { seatLabels, type SeatNumberingInput } from './numbering.ts';
import { placeSeats } from './seats.ts';

const DEG = Math.PI / 180;

export type StraightRowGeneratorInput = z.input<typeof StraightRowGenerator>;
export type ArcRowGeneratorInput = z.input<typeof ArcRowGenerator>;
type Straight = z.infer<typeof StraightRowGenerator>;
type Arc = z.infer<typeof ArcRowGenerator>;

/**
 * Seat centres of a straight row: `count` seats `spacing` apart from `start` in direction
 * `angle` (degrees, clockwise on screen), each shifted `skew` more than the previous one at right
 * angles to the row (towards +y for angle 0).
 * @example straightRowPositions({ kind: 'straight', start: { x: 0, y: 0 }, count: 3, spacing: 25 })
 */
export function straightRowPositions(generator: StraightRowGeneratorInput): Point[] {
  const g: Straight = StraightRowGenerator.parse(generator);
  const cos = Math.cos(g.angle * DEG);
  const sin = Math.sin(g.angle * DEG);
  const out: Point[] = [];
  for (let i = 0; i < g.count; i++) {
    const along = i * g.spacing;
    const across = i * g.skew;
    out.push({
      x: g.start.x + along * cos - across * sin,
      y: g.start.y + along * sin + across * cos,
    });
  }
  return out;
}

/**
 * Seat centres of an arc row: `count` seats on the circle of `radius` around `center`, `spacing`
 * apart along the arc, centred on `midAngle`. Seats run left to right for a spectator in the row
 * facing the centre (house left first): with the centre on the stage at the top of the plan
 * (midAngle 90) seat 1 is the leftmost on screen, as in a straight row at angle 0.
 * Throws a RangeError when the seats would go more than once around the circle.
 * @example arcRowPositions({ kind: 'arc', center: { x: 0, y: 0 }, radius: 400, count: 30, spacing: 26 })
 */
export function arcRowPositions(generator: ArcRowGeneratorInput): Point[] {
  const g: Arc = ArcRowGenerator.parse(generator);
  if (g.count * g.spacing > 2 * Math.PI * g.radius) {
    throw new RangeError(
      `arc row of ${g.count} seats at spacing ${g.spacing} does not fit on a circle of radius ${g.radius}`,
    );
  }
  const step = g.spacing / g.radius;
  const first = g.midAngle * DEG + (step * (g.count - 1)) / 2;
  const out: Point[] = [];
  for (let i = 0; i < g.count; i++) {
    const a = first - i * step;
    out.push({ x: g.center.x + g.radius * Math.cos(a), y: g.center.y + g.radius * Math.sin(a) });
  }
  return out;
}

/** Options shared by `straightRow` and `arcRow`. */
export interface RowSeatOptions {
  /** Seat ids are `${idPrefix}-${label}` (usually the row id). */
  readonly idPrefix: string;
  readonly numbering?: SeatNumberingInput;
  /** Seats numbered before this row in a continuously numbered block. */
  readonly numberOffset?: number;
}

/**
 * Seats of a straight row.
 * @example straightRow({ start: { x: 0, y: 0 }, count: 10, spacing: 25, idPrefix: 'stalls-A' })
 */
export function straightRow(
  params: Omit<StraightRowGeneratorInput, 'kind'> & RowSeatOptions,
): Seat[] {
  const positions = straightRowPositions({ ...params, kind: 'straight' });
  return placeSeats(positions, rowSeatLabels(positions.length, params), params.idPrefix);
}

/**
 * Seats of an arc row (see `arcRowPositions` for the order).
 * @example arcRow({ center: { x: 500, y: 0 }, radius: 300, count: 20, spacing: 26, idPrefix: 'r1' })
 */
export function arcRow(params: Omit<ArcRowGeneratorInput, 'kind'> & RowSeatOptions): Seat[] {
  const positions = arcRowPositions({ ...params, kind: 'arc' });
  return placeSeats(positions, rowSeatLabels(positions.length, params), params.idPrefix);
}

function rowSeatLabels(count: number, options: Omit<RowSeatOptions, 'idPrefix'>): string[] {
  return seatLabels(count, options.numbering, options.numberOffset ?? 0);
}

/**
 * Seat centres a generator produces, or `null` for a manual row (positions are the seats').
 * @example const preview = rowPositions(draftGenerator); // ghost seats while dragging a handle
 */
export function rowPositions(generator: RowGenerator): Point[] | null {
  if (generator.kind === 'straight') return straightRowPositions(generator);
  if (generator.kind === 'arc') return arcRowPositions(generator);
  return null;
}

/** What `createRow` needs: a generated row's identity, shape and numbering. */
export interface CreateRowParams {
  readonly id: string;
  readonly label: string;
  readonly generator: StraightRowGeneratorInput | ArcRowGeneratorInput;
  readonly numbering?: SeatNumberingInput;
  readonly numberOffset?: number;
  readonly category?: CategoryKey;
}

/**
 * A complete Row record with generated seats (ids `${id}-${seat label}`).
 * @example createRow({ id: 'stalls-A', label: 'A', generator: { kind: 'straight', start: { x: 0, y: 0 }, count: 12, spacing: 25 } })
 */
export function createRow(params: CreateRowParams): Row {
  const generator =
    params.generator.kind === 'straight'
      ? StraightRowGenerator.parse(params.generator)
      : ArcRowGenerator.parse(params.generator);
  const numbering = SeatNumbering.parse(params.numbering ?? {});
  const positions = rowPositions(generator) as Point[];
  const labels = seatLabels(positions.length, numbering, params.numberOffset ?? 0);
  return {
    type: 'row',
    id: brand<RowId>(params.id),
    label: params.label,
    ...(params.category === undefined ? {} : { category: params.category }),
    generator,
    numbering,
    seats: placeSeats(positions, labels, params.id),
    version: 1,
    updated: 0,
  };
}

/** Options of `regenerateRow`. */
export interface RegenerateOptions {
  /** Seats numbered before this row in a continuously numbered block (default 0). */
  readonly numberOffset?: number;
  /** Stamped into `updated` (ms since epoch); without it `updated` is left as it was. */
  readonly now?: number;
}

/**
 * Rebuilds a row's seats from its generator and numbering after an edit of count, spacing, curve
 * or numbering. Seat ids are stable by position: the first min(old, new) seats keep their id,
 * category and flags; added seats get new ids. A manual row keeps its positions and is renumbered.
 * The row's `version` is bumped.
 * @example regenerateRow({ ...row, generator: { ...row.generator, count: 14 } })
 */
export function regenerateRow(row: Row, options: RegenerateOptions = {}): Row {
  const positions = rowPositions(row.generator) ?? row.seats;
  const labels = seatLabels(positions.length, row.numbering, options.numberOffset ?? 0);
  return {
    ...row,
    seats: placeSeats(positions, labels, row.id, row.seats),
    version: row.version + 1,
    updated: options.now ?? row.updated,
  };
}
