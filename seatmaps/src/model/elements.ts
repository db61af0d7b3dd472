// The records a seating plan is made of. Every record is readonly and tagged by `type`, so code
// can switch over a discriminated union (see `Element`). Seats live in section-local
// coordinates; `layout.ts` turns a document into world positions and seat indexes.
import { z } from 'zod';
import {
  CategoryKey,
  GaAreaId,
  LevelId,
  RowId,
  SeatId,
  SectionId,
  ShapeId,
  TableId,
  TextId,
} from './ids.ts';
import { RowLabeling, SeatNumbering } from './numbering.ts';
import { Color, Finite, Point, RecordMeta, Transform } from './primitives.ts';

const Positive = Finite.pipe(z.number().positive());
const Label = z.string().max(64);

export const Seat = z
  .object({
    type: z.literal('seat'),
    id: SeatId,
    label: Label,
    x: Finite,
    y: Finite,
    /** Absent: the seat inherits its row's, then its section's category. */
    category: CategoryKey.optional(),
    accessible: z.boolean().optional(),
    restrictedView: z.boolean().optional(),
    /** A companion seat next to a wheelchair space. */
    companion: z.boolean().optional(),
  })
  .readonly();
export type Seat = z.infer<typeof Seat>;

export const StraightRowGenerator = z
  .object({
    kind: z.literal('straight'),
    start: Point,
    count: z.number().int().min(1).max(1000),
    /** Centre-to-centre distance between seats. */
    spacing: Positive,
    /** Direction of the row in degrees (0 = along +x). */
    angle: Finite.default(0),
    /** Extra offset per seat perpendicular to the row, for raked or staggered rows. */
    skew: Finite.default(0),
  })
  .readonly();

export const ArcRowGenerator = z
  .object({
    kind: z.literal('arc'),
    center: Point,
    radius: Positive,
    count: z.number().int().min(1).max(1000),
    /** Centre-to-centre distance along the arc. */
    spacing: Positive,
    /** Angle in degrees of the arc's middle seen from the centre (90 = straight down). */
    midAngle: Finite.default(90),
  })
  .readonly();

export const ManualRowGenerator = z.object({ kind: z.literal('manual') }).readonly();

/** How a row's seats were made; kept so the studio can edit count, spacing or curve later. */
export const RowGenerator = z.discriminatedUnion('kind', [
  StraightRowGenerator,
  ArcRowGenerator,
  ManualRowGenerator,
]);
export type RowGenerator = z.infer<typeof RowGenerator>;

export const Row = z
  .object({
    type: z.literal('row'),
    id: RowId,
    label: Label,
    category: CategoryKey.optional(),
    generator: RowGenerator,
    numbering: SeatNumbering.default(SeatNumbering.parse({})),
    seats: z.array(Seat).readonly(),
    ...RecordMeta,
  })
  .readonly();
export type Row = z.infer<typeof Row>;

export const Table = z
  .object({
    type: z.literal('table'),
    id: TableId,
    label: Label,
    shape: z.enum(['round', 'rect']),
    transform: Transform,
    /** Round: diameter is `width`; rect: both. */
    width: Positive,
    height: Positive,
    seatCount: z.number().int().min(1).max(64),
    category: CategoryKey.optional(),
    /** Generated around the table, in the table's own coordinates. */
    seats: z.array(Seat).readonly(),
    ...RecordMeta,
  })
  .readonly();
export type Table = z.infer<typeof Table>;

export const GaArea = z
  .object({
    type: z.literal('ga'),
    id: GaAreaId,
    label: Label,
    /** Polygon in section coordinates. */
    outline: z.array(Point).min(3).readonly(),
    capacity: z.number().int().nonnegative(),
    category: CategoryKey.optional(),
    ...RecordMeta,
  })
  .readonly();
export type GaArea = z.infer<typeof GaArea>;

/** Parameters of a generated block of rows, kept so the whole block can be regenerated. */
export const BlockGenerator = z
  .object({
    kind: z.enum(['rect', 'trapezoid', 'arc']),
    rows: z.number().int().min(1).max(200),
    seatsPerRow: z.number().int().min(1).max(1000),
    /** Seats added per row going back (trapezoid, arc). */
    seatsIncrement: z.number().int().default(0),
    seatSpacing: Positive,
    rowSpacing: Positive,
    /** Arc blocks: radius of the first row. */
    radius: Positive.optional(),
    labeling: RowLabeling.default(RowLabeling.parse({})),
    numbering: SeatNumbering.default(SeatNumbering.parse({})),
  })
  .readonly();
export type BlockGenerator = z.infer<typeof BlockGenerator>;

export const Section = z
  .object({
    type: z.literal('section'),
    id: SectionId,
    label: Label,
    level: LevelId,
    transform: Transform,
    /** Polygon in section coordinates; empty means "bounds of the content". */
    outline: z.array(Point).readonly().default([]),
    category: CategoryKey.optional(),
    block: BlockGenerator.optional(),
    rows: z.array(Row).readonly().default([]),
    tables: z.array(Table).readonly().default([]),
    gaAreas: z.array(GaArea).readonly().default([]),
    ...RecordMeta,
  })
  .readonly();
export type Section = z.infer<typeof Section>;

export const Shape = z
  .object({
    type: z.literal('shape'),
    id: ShapeId,
    level: LevelId,
    kind: z.enum(['rect', 'ellipse', 'polygon', 'line']),
    /** rect/ellipse: two corners; polygon/line: the vertices. World coordinates. */
    points: z.array(Point).min(2).readonly(),
    fill: Color.optional(),
    stroke: Color.optional(),
    label: Label.optional(),
    /** Marks the stage so renderers can style it; the focal point is set separately. */
    role: z.enum(['stage', 'decoration']).default('decoration'),
    ...RecordMeta,
  })
  .readonly();
export type Shape = z.infer<typeof Shape>;

export const Text = z
  .object({
    type: z.literal('text'),
    id: TextId,
    level: LevelId,
    x: Finite,
    y: Finite,
    text: z.string().min(1).max(500),
    fontSize: Positive.default(16),
    rotation: Finite.default(0),
    color: Color.default('#222222'),
    ...RecordMeta,
  })
  .readonly();
export type Text = z.infer<typeof Text>;

export const Category = z
  .object({ key: CategoryKey, label: z.string().min(1).max(64), color: Color })
  .readonly();
export type Category = z.infer<typeof Category>;

export const Level = z.object({ id: LevelId, name: z.string().min(1).max(64) }).readonly();
export type Level = z.infer<typeof Level>;

/** Any record that can be selected on the canvas. */
export const Element = z.discriminatedUnion('type', [
  Section,
  Row,
  Seat,
  Table,
  GaArea,
  Shape,
  Text,
]);
export type Element = z.infer<typeof Element>;
