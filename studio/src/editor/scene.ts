// What the editor derives from a document for hit-testing: the seatmaps layout (world-space
// seats) and, per level, one SeatIndex. Built lazily once per document object, so a pointer move
// costs one index query, never a walk over 80,000 seats.
import {
  buildLayout,
  SeatIndex,
  type Bounds,
  type Layout,
  type LayoutSeat,
  type SeatmapDocument,
} from '@parterre/seatmaps';

interface LevelScene {
  /** Layout indexes of the level's seats; position i in the SeatIndex is seats[i]. */
  readonly seats: readonly number[];
  readonly index: SeatIndex;
}

export class Scene {
  private layoutCache: Layout | null = null;
  private ownersCache: string[] | null = null;
  private readonly levels = new Map<string, LevelScene>();

  constructor(readonly document: SeatmapDocument) {}

  /** Every seat in world coordinates with its dense index (seatmaps `buildLayout`). */
  get layout(): Layout {
    this.layoutCache ??= buildLayout(this.document);
    return this.layoutCache;
  }

  /** Id of the row or table each layout seat belongs to, by layout index. */
  get owners(): readonly string[] {
    if (!this.ownersCache) {
      const owners: string[] = [];
      for (const s of this.document.sections) {
        for (const r of s.rows) for (let i = 0; i < r.seats.length; i++) owners.push(r.id);
        for (const t of s.tables) for (let i = 0; i < t.seats.length; i++) owners.push(t.id);
      }
      this.ownersCache = owners;
    }
    return this.ownersCache;
  }

  private level(levelId: string): LevelScene {
    let scene = this.levels.get(levelId);
    if (!scene) {
      const all = this.layout.seats;
      const seats: number[] = [];
      for (const s of all) if (s.level === levelId) seats.push(s.index);
      const index = SeatIndex.build(seats.map((i) => all[i] as LayoutSeat));
      scene = { seats, index };
      this.levels.set(levelId, scene);
    }
    return scene;
  }

  /** The seat under (x, y) on a level, or `null`. */
  seatAt(levelId: string, x: number, y: number, radius?: number): LayoutSeat | null {
    const level = this.level(levelId);
    const hit = level.index.seatAt(x, y, radius);
    return hit < 0 ? null : (this.layout.seats[level.seats[hit] as number] ?? null);
  }

  /** Seats of a level whose centre lies in `rect`. */
  seatsIn(levelId: string, rect: Bounds): LayoutSeat[] {
    const level = this.level(levelId);
    const seats = this.layout.seats;
    return level.index
      .inRect(rect.minX, rect.minY, rect.maxX, rect.maxY)
      .map((i) => seats[level.seats[i] as number] as LayoutSeat);
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
