// What the editor derives from a document for hit-testing: per-section seat data with one
// seatmaps SeatIndex each (section-seats.ts, cached per section object). A pointer event costs a
// bounds check per section of the level and one index query in the section under it; an edit
// re-indexes only the sections it changed, never all 80,000 seats.
import {
  buildLayout,
  SEAT_RADIUS,
  type Bounds,
  type Layout,
  type Point,
  type SeatmapDocument,
  type Section,
} from '@parterre/seatmaps';
import { elementIndex } from './element-index.ts';
import { sectionGeometry } from './section-seats.ts';

/** A seat found on the canvas. */
export interface SceneSeat {
  readonly id: string;
  /** Its row or table. */
  readonly owner: string;
  readonly x: number;
  readonly y: number;
}

const near = (b: Bounds | null, x: number, y: number, pad: number) =>
  !!b && x >= b.minX - pad && x <= b.maxX + pad && y >= b.minY - pad && y <= b.maxY + pad;

export class Scene {
  private layoutCache: Layout | null = null;

  constructor(readonly document: SeatmapDocument) {}

  /** Every seat in world coordinates with its dense index (seatmaps `buildLayout`; built lazily). */
  get layout(): Layout {
    this.layoutCache ??= buildLayout(this.document);
    return this.layoutCache;
  }

  /** Number of seats in the plan, from the per-section caches. */
  get seatCount(): number {
    let n = 0;
    for (const s of this.document.sections) n += sectionGeometry(s).ids.length;
    return n;
  }

  private sections(levelId: string): Section[] {
    return this.document.sections.filter((s) => s.level === levelId);
  }

  /** The seat under (x, y) on a level (nearest centre within `radius`), or `null`. */
  seatAt(levelId: string, x: number, y: number, radius = SEAT_RADIUS): SceneSeat | null {
    let best: SceneSeat | null = null;
    let bestD = Infinity;
    for (const s of this.sections(levelId)) {
      const g = sectionGeometry(s);
      if (!near(g.bounds, x, y, radius)) continue;
      const i = g.index.seatAt(x, y, radius);
      if (i < 0) continue;
      const sx = g.xs[i] as number;
      const sy = g.ys[i] as number;
      const d = (sx - x) ** 2 + (sy - y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = { id: g.ids[i] as string, owner: g.owners[i] as string, x: sx, y: sy };
      }
    }
    return best;
  }

  /** Ids of the seats of a level whose centre lies in `rect`. */
  seatsIn(levelId: string, rect: Bounds): string[] {
    const out: string[] = [];
    for (const s of this.sections(levelId)) {
      const g = sectionGeometry(s);
      const b = g.bounds;
      if (
        !b ||
        b.minX > rect.maxX ||
        b.maxX < rect.minX ||
        b.minY > rect.maxY ||
        b.maxY < rect.minY
      )
        continue;
      for (const i of g.index.inRect(rect.minX, rect.minY, rect.maxX, rect.maxY)) {
        out.push(g.ids[i] as string);
      }
    }
    return out;
  }

  /** World position of a seat by id, or `null`. */
  seatPosition(id: string): Point | null {
    const ref = elementIndex(this.document).get(id);
    if (ref?.type !== 'seat') return null;
    const section = this.document.sections[ref.section];
    if (!section) return null;
    const g = sectionGeometry(section);
    const start = (ref.inTable ? g.tableOffsets : g.rowOffsets)[ref.parent];
    if (start === undefined) return null;
    const i = start + ref.seat;
    return { x: g.xs[i] as number, y: g.ys[i] as number };
  }
}

const cache = new WeakMap<SeatmapDocument, Scene>();

/**
 * The scene of a document (cached per document object).
 * @example sceneOf(doc).seatAt('main', 120, 80)?.id
 */
export function sceneOf(doc: SeatmapDocument): Scene {
  let scene = cache.get(doc);
  if (!scene) {
    scene = new Scene(doc);
    cache.set(doc, scene);
  }
  return scene;
}
