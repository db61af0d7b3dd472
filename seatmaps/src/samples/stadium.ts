// A 92,240-seat stadium stored as block parameters only: three tiers (levels) of straight side
// stands and curved corners around a pitch. loadSeatmap() expands the blocks into rows, so the
// file stays a few kilobytes.
import type { SeatmapDocumentInput } from '../model/document.ts';
import { cat, rect, type SectionInput } from './common.ts';

const PITCH = { width: 5000, height: 3200 };
const ROW_SPACING = 40;
const SEAT_SPACING = 25;
/** Corners use wider spacing so that two more seats per row keep the arc at a right angle. */
const CORNER_SEAT_SPACING = 31;
const AISLE = 60;
/** Gap between the pitch corner and the first seat of a side stand, clearing the corner arcs. */
const END_MARGIN = 40;

interface Tier {
  readonly level: string;
  readonly name: string;
  /** Distance from the pitch edge to the tier's front row. */
  readonly setback: number;
  readonly rows: number;
  /** Categories of the long sides and of the ends and corners. */
  readonly sides: string;
  readonly ends: string;
}

const TIERS: readonly Tier[] = [
  { level: 'lower', name: 'Lower tier', setback: 150, rows: 30, sides: 'C1', ends: 'C2' },
  { level: 'middle', name: 'Middle tier', setback: 1460, rows: 25, sides: 'C2', ends: 'C3' },
  { level: 'upper', name: 'Upper tier', setback: 2570, rows: 35, sides: 'C3', ends: 'C4' },
];

const DEPTH = 2570 + 34 * ROW_SPACING + 200;
const SIZE = { width: PITCH.width + 2 * DEPTH, height: PITCH.height + 2 * DEPTH };
const LEFT = DEPTH;
const TOP = DEPTH;
const RIGHT = DEPTH + PITCH.width;
const BOTTOM = DEPTH + PITCH.height;

const LABELING = { style: 'numbers', start: 1 } as const;

interface Stand {
  readonly name: string;
  /** Stand length along the pitch edge and number of blocks it is split into. */
  readonly length: number;
  readonly blocks: number;
  readonly ends: boolean;
  /** Front-centre of the stand at distance 0 from the pitch, and the direction rows go back. */
  readonly origin: (along: number, setback: number) => { x: number; y: number };
  readonly rotation: number;
}

// Rotation turns a block's "back" (+y) away from the pitch; seat 1 is then on the left of a
// spectator facing the pitch.
const STANDS: readonly Stand[] = [
  {
    name: 'North',
    length: PITCH.width,
    blocks: 5,
    ends: false,
    rotation: 180,
    origin: (a, s) => ({ x: LEFT + PITCH.width / 2 - a, y: TOP - s }),
  },
  {
    name: 'East',
    length: PITCH.height,
    blocks: 3,
    ends: true,
    rotation: -90,
    origin: (a, s) => ({ x: RIGHT + s, y: TOP + PITCH.height / 2 - a }),
  },
  {
    name: 'South',
    length: PITCH.width,
    blocks: 5,
    ends: false,
    rotation: 0,
    origin: (a, s) => ({ x: LEFT + PITCH.width / 2 + a, y: BOTTOM + s }),
  },
  {
    name: 'West',
    length: PITCH.height,
    blocks: 3,
    ends: true,
    rotation: 90,
    origin: (a, s) => ({ x: LEFT - s, y: TOP + PITCH.height / 2 + a }),
  },
];

/** Corners: pitch corner and the rotation that points an arc block diagonally outwards. */
const CORNERS = [
  { name: 'North-west', x: LEFT, y: TOP, rotation: 135 },
  { name: 'North-east', x: RIGHT, y: TOP, rotation: -135 },
  { name: 'South-east', x: RIGHT, y: BOTTOM, rotation: -45 },
  { name: 'South-west', x: LEFT, y: BOTTOM, rotation: 45 },
] as const;

function standSections(tier: Tier, tierNo: number): SectionInput[] {
  let blockNo = 0;
  return STANDS.flatMap((stand) => {
    const usable = stand.length - 2 * END_MARGIN;
    const width = (usable - (stand.blocks - 1) * AISLE) / stand.blocks;
    const seatsPerRow = Math.floor((width - SEAT_SPACING) / SEAT_SPACING) + 1;
    return Array.from({ length: stand.blocks }, (_, b) => {
      const along = -usable / 2 + width / 2 + b * (width + AISLE);
      const no = tierNo * 100 + ++blockNo;
      return {
        type: 'section' as const,
        id: `block-${no}`,
        label: `${stand.name} ${no}`,
        level: tier.level,
        category: cat(stand.ends ? tier.ends : tier.sides),
        transform: { ...stand.origin(along, tier.setback), rotation: stand.rotation },
        block: {
          kind: 'rect' as const,
          rows: tier.rows,
          seatsPerRow,
          seatSpacing: SEAT_SPACING,
          rowSpacing: ROW_SPACING,
          labeling: LABELING,
        },
      };
    });
  });
}

function cornerSections(tier: Tier, tierNo: number): SectionInput[] {
  // The first row fills a quarter circle; two more seats per row keep it one (2 × 31 < π/2 × 40),
  // so corner seats never reach the side stands' rows.
  const firstRow = Math.floor((tier.setback * Math.PI) / 2 / CORNER_SEAT_SPACING) + 1;
  return CORNERS.map((corner, c) => {
    const no = tierNo * 100 + 20 + c + 1;
    return {
      type: 'section' as const,
      id: `block-${no}`,
      label: `${corner.name} ${no}`,
      level: tier.level,
      category: cat(tier.ends),
      transform: { x: corner.x, y: corner.y, rotation: corner.rotation },
      block: {
        kind: 'arc' as const,
        rows: tier.rows,
        seatsPerRow: firstRow,
        seatsIncrement: 2,
        radius: tier.setback,
        seatSpacing: CORNER_SEAT_SPACING,
        rowSpacing: ROW_SPACING,
        labeling: LABELING,
      },
    };
  });
}

export function stadium(): SeatmapDocumentInput {
  return {
    schemaVersion: 2,
    name: 'Stadium',
    size: SIZE,
    focalPoint: { x: LEFT + PITCH.width / 2, y: TOP + PITCH.height / 2 },
    categories: [
      { key: 'C1', label: 'Category 1', color: '#c92a2a' },
      { key: 'C2', label: 'Category 2', color: '#e8590c' },
      { key: 'C3', label: 'Category 3', color: '#1971c2' },
      { key: 'C4', label: 'Category 4', color: '#2f9e44' },
    ],
    levels: TIERS.map((t) => ({ id: t.level, name: t.name })),
    sections: TIERS.flatMap((tier, i) => [
      ...standSections(tier, i + 1),
      ...cornerSections(tier, i + 1),
    ]),
    shapes: [
      rect('pitch', 'lower', [LEFT, TOP, RIGHT, BOTTOM], {
        label: 'Pitch',
        fill: '#2b8a3e',
        role: 'stage',
      }),
    ],
  };
}
