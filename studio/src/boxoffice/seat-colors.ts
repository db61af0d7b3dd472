// How the box office map colours seats: by status (free, held, sold, blocked), by price category
// or by sales channel (sold and blocked seats dimmed in both), or as a heatmap of what sold
// first (earliest red, latest yellow, unsold grey). Pure, so the legend and the canvas agree.
import { SeatStatus } from '@parterre/seatmaps';

export type ColourMode = 'status' | 'category' | 'channel' | 'heatmap';

export const STATUS_COLOURS: Record<'free' | 'held' | 'booked' | 'blocked', string> = {
  free: '#37b24d',
  held: '#f59f00',
  booked: '#1864ab',
  blocked: '#868e96',
};

export const STATUS_WORDS: Record<keyof typeof STATUS_COLOURS, string> = {
  free: 'Free',
  held: 'Held',
  booked: 'Sold',
  blocked: 'Blocked',
};

const UNSOLD = '#dee2e6';
export const DIMMED = '#ced4da';

/** Seats in no channel (the general sale). */
export const GENERAL_SALE = '#74c0fc';

/** Channel colours, by the channel's position in the event's list. */
export const CHANNEL_COLOURS = ['#e64980', '#7950f2', '#12b886', '#fd7e14', '#82c91e', '#15aabf'];

export const channelColour = (index: number): string =>
  index < 0 ? GENERAL_SALE : CHANNEL_COLOURS[index % CHANNEL_COLOURS.length]!;

const STATUS_BY_BYTE = [
  STATUS_COLOURS.free,
  STATUS_COLOURS.held,
  STATUS_COLOURS.booked,
  STATUS_COLOURS.blocked,
];

const HEAT_STEPS = 32;

/** Red → orange → yellow for a rank 0…1 (0 = sold first). */
export function heatColour(t: number): string {
  const clamped = Math.min(1, Math.max(0, t));
  const hue = Math.round(clamped * 55);
  const light = Math.round(42 + clamped * 18);
  return `hsl(${hue} 90% ${light}%)`;
}

export interface ColourInput {
  readonly status: number;
  readonly category: string | null;
  /** Position in the order of first sales (undefined: never sold). */
  readonly soldRank: number | undefined;
  /** Index of the channel the seat is allocated to; -1 (or absent): the general sale. */
  readonly channel?: number;
}

export interface ColourContext {
  readonly mode: ColourMode;
  readonly categoryColours: ReadonlyMap<string, string>;
  /** How many seats have sold so far (heatmap scale). */
  readonly soldCount: number;
}

export function seatColour(seat: ColourInput, ctx: ColourContext): string {
  if (ctx.mode === 'status') return STATUS_BY_BYTE[seat.status] ?? STATUS_COLOURS.free;
  if (ctx.mode === 'channel') {
    if (seat.status === SeatStatus.Booked || seat.status === SeatStatus.Blocked) return DIMMED;
    return channelColour(seat.channel ?? -1);
  }
  if (ctx.mode === 'category') {
    if (seat.status === SeatStatus.Booked || seat.status === SeatStatus.Blocked) return DIMMED;
    return (seat.category && ctx.categoryColours.get(seat.category)) || STATUS_COLOURS.free;
  }
  if (seat.soldRank === undefined) return UNSOLD;
  const t = ctx.soldCount > 1 ? seat.soldRank / (ctx.soldCount - 1) : 0;
  // 33 shades are plenty to the eye and keep the canvas to a few fill batches.
  return heatColour(Math.round(t * HEAT_STEPS) / HEAT_STEPS);
}

/** Every seat's colour as an index into a small palette (the canvas fills one batch each). */
export interface SeatPaint {
  readonly palette: readonly string[];
  readonly colour: Uint8Array;
}

/**
 * Colours all seats once per change of state or mode, so moving the camera only positions them.
 * @example paintSeats(status, categories, soldRank, channelOf, ctx).palette // ['#37b24d', …]
 */
export function paintSeats(
  status: Uint8Array,
  categories: readonly (string | null)[],
  soldRank: ReadonlyMap<number, number>,
  channelOf: Int16Array,
  ctx: ColourContext,
): SeatPaint {
  const palette: string[] = [];
  const index = new Map<string, number>();
  const colour = new Uint8Array(categories.length);
  for (let i = 0; i < categories.length; i++) {
    const c = seatColour(
      {
        status: status[i] ?? 0,
        category: categories[i] ?? null,
        soldRank: soldRank.get(i),
        channel: channelOf[i] ?? -1,
      },
      ctx,
    );
    let k = index.get(c);
    if (k === undefined) {
      // More colours than a byte can name (hundreds of categories) share the last slot.
      k = Math.min(palette.length, 255);
      if (k === palette.length) palette.push(c);
      index.set(c, k);
    }
    colour[i] = k;
  }
  return { palette, colour };
}
