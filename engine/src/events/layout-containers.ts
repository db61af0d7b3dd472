// Which row and table records the layout answer names by `container`. The seat picker groups seats
// into rows and tables by section label, row label and `atTable` (seatmaps prepareBestAvailable);
// two records sharing all three (a second "Table 3" in one section) would read as one ring there.
// Only their seats carry the number, so a map with unique labels pays nothing on the wire.
import type { LayoutSeat } from '@parterre/seatmaps';

type ContainerSeat = Pick<LayoutSeat, 'container' | 'section' | 'row' | 'atTable'>;

/**
 * Layout containers whose section, label and kind (row or table) another container shares.
 * @example sharedLabelContainers(layout.seats) // Set { 7, 9 }: two "Table 3"s of one section
 */
export function sharedLabelContainers(seats: readonly ContainerSeat[]): ReadonlySet<number> {
  const firstWithKey = new Map<string, number>();
  const shared = new Set<number>();
  let last: number | undefined;
  for (const s of seats) {
    if (s.container === last) continue;
    last = s.container;
    const key = JSON.stringify([s.section, s.row, s.atTable === true]);
    const first = firstWithKey.get(key);
    if (first === undefined) firstWithKey.set(key, s.container);
    else if (first !== s.container) shared.add(first).add(s.container);
  }
  return shared;
}
