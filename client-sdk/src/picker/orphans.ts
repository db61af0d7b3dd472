// The "no single empty seat" warning: seats a visitor's selection would leave alone between taken
// seats (or a taken seat and the row's end), found with seatmaps' findOrphans on the layout's
// rows; a table's seats (`atTable`) are a ring, so its first and last chairs are neighbours, and
// `container` (sent where labels repeat) keeps two rows or tables of one label apart.
// Only orphans the selection creates count: the visitor cannot fix the others.
import { findOrphans, prepareBestAvailable } from '@parterre/seatmaps/client';
import type {
  BestAvailableSeat,
  CategoryKey,
  PreparedBestAvailable,
  SectionId,
} from '@parterre/seatmaps';
import type { PickerLayout } from './types.ts';

/** The row structure is built on first use: only pickers that select anything pay for it. */
export class OrphanCheck {
  private prepared: PreparedBestAvailable | undefined;

  constructor(private readonly layout: PickerLayout) {}

  /**
   * Free seats that `selected` would leave orphaned, ascending. `status` is the live status,
   * where the visitor's own held seats already read as taken.
   * @example new OrphanCheck(layout).created(live.status, [4]) // [5] when seat 6 is sold
   */
  created(status: Uint8Array, selected: readonly number[]): number[] {
    if (selected.length === 0 || status.length !== this.layout.seats.length) return [];
    this.prepared ??= prepareBestAvailable({ seats: this.layout.seats.map(toBestAvailableSeat) });
    const without = status.slice();
    const withSel = status.slice();
    for (const i of selected) {
      without[i] = 0;
      withSel[i] = 1;
    }
    const before = new Set(findOrphans(this.prepared, without));
    return findOrphans(this.prepared, withSel).filter((i) => !before.has(i));
  }
}

/** Layout seats carry the section's label where best-available wants an id: rows group by it. */
function toBestAvailableSeat(s: PickerLayout['seats'][number]): BestAvailableSeat {
  return {
    index: s.index,
    row: s.row,
    sectionId: s.section as SectionId,
    category: s.category as CategoryKey | null,
    x: s.x,
    y: s.y,
    accessible: s.flags.includes('accessible'),
    restrictedView: s.flags.includes('restricted-view'),
    // A table's chairs form a ring: seatmaps then treats the last chair as the first's neighbour.
    ...(s.atTable ? { atTable: true as const } : {}),
    // Two rows or tables with one label in a section: without it they would read as one.
    ...(s.container === undefined ? {} : { container: s.container }),
  };
}
