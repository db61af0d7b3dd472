// Standing (general-admission) places and the "Sell for" channel at the counter: the places left
// per area, stepper bounds, the `ga` lines of a sale, their price and the channel choices. Pure.
import type { ChannelView } from '../api/channels-api.ts';
import type { EventLayout, GaState } from '../api/events-api.ts';

export interface StandingArea {
  readonly id: string;
  readonly label: string;
  readonly category: string | null;
  readonly capacity: number;
  /** Places neither held nor sold (never below 0). */
  readonly left: number;
}

/** The layout's standing areas with the places left from the engine's availability. */
export function standingAreas(
  areas: EventLayout['gaAreas'],
  states: readonly GaState[] | undefined,
): StandingArea[] {
  return areas.map((a) => {
    const s = states?.find((g) => g.areaId === a.id);
    const taken = s ? s.held + s.booked : 0;
    return {
      id: a.id,
      label: a.label || a.id,
      category: a.category,
      capacity: a.capacity,
      left: Math.max(0, a.capacity - taken),
    };
  });
}

/** A stepper value kept between 0 and the places left. */
export const clampQuantity = (quantity: number, left: number): number =>
  Math.max(0, Math.min(Number.isFinite(quantity) ? Math.trunc(quantity) : 0, left));

/** The `ga` lines of a sale: areas with a positive quantity, in layout order. */
export function gaLines(
  areas: readonly StandingArea[],
  quantities: Readonly<Record<string, number>>,
): { areaId: string; quantity: number }[] {
  return areas
    .map((a) => ({ areaId: a.id, quantity: quantities[a.id] ?? 0 }))
    .filter((g) => g.quantity > 0);
}

/** One category per standing place sold, for `priceOf`. */
export function gaCategories(
  areas: readonly StandingArea[],
  lines: readonly { areaId: string; quantity: number }[],
): (string | null)[] {
  return lines.flatMap((g) => {
    const area = areas.find((a) => a.id === g.areaId);
    return Array.from({ length: g.quantity }, () => area?.category ?? null);
  });
}

/** "2 standing places (Floor 2)" for messages and buttons. */
export function describeGa(
  areas: readonly StandingArea[],
  lines: readonly { areaId: string; quantity: number }[],
): string {
  const n = lines.reduce((s, g) => s + g.quantity, 0);
  const which = lines
    .map((g) => `${areas.find((a) => a.id === g.areaId)?.label ?? g.areaId} ${g.quantity}`)
    .join(', ');
  return `${n} standing place${n === 1 ? '' : 's'}${which ? ` (${which})` : ''}`;
}

export interface ChannelChoice {
  /** '' is the general sale. */
  readonly value: string;
  readonly label: string;
}

/** "Sell for": the general sale first, then the event's channels. */
export function channelChoices(channels: readonly ChannelView[] | null): ChannelChoice[] {
  return [
    { value: '', label: 'General sale' },
    ...(channels ?? []).map((c) => ({ value: c.id, label: c.name })),
  ];
}
