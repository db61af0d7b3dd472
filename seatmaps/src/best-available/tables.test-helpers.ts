// A banquet hall for best-available tests, built with the real generators so tables carry the
// chair order the studio produces: optional straight rows at the front, then tables in a line
// behind them. Seats are named by id: "T1-7" (table 1, chair 7) or "A-3" (row A, seat 3).
import { createRow } from '../generators/rows.ts';
import { createTable } from '../generators/tables.ts';
import { SeatmapDocument } from '../model/document.ts';
import type { SeatmapDocumentInput } from '../model/document.ts';
import { buildLayout } from '../model/layout.ts';
import type { Layout } from '../model/layout.ts';
import { prepareBestAvailable } from './prepare.ts';
import type { PreparedBestAvailable } from './prepare.ts';

export interface HallSpec {
  /** Seats per row; rows A, B, … at y = 100, 130, … from x = 100. */
  readonly rows?: readonly number[];
  /** Tables 1, 2, … 200 apart at y = 400, each round (diameter 90) or rect (120×60). */
  readonly tables: readonly {
    readonly shape: 'round' | 'rect';
    readonly seats: number;
    /** Default "Table k"; two tables may share one, as the studio can produce. */
    readonly label?: string;
    /** Default 100 + 200 (k − 1). */
    readonly x?: number;
  }[];
}

export interface Hall {
  readonly layout: Layout;
  readonly prepared: PreparedBestAvailable;
  /** The stage: top middle. */
  readonly focalPoint: { x: number; y: number };
  /** "T1-7" / "A-3" names of seat indexes. */
  readonly names: (seats: readonly number[]) => string[];
  /** Seat indexes of names. */
  readonly seats: (...names: string[]) => number[];
}

export function hall(spec: HallSpec): Hall {
  const rows = (spec.rows ?? []).map((count, r) => {
    const label = String.fromCharCode(65 + r);
    return createRow({
      id: label,
      label,
      generator: { kind: 'straight', start: { x: 100, y: 100 + 30 * r }, count, spacing: 30 },
    });
  });
  const tables = spec.tables.map((t, k) =>
    createTable({
      id: `T${k + 1}`,
      label: t.label ?? `Table ${k + 1}`,
      shape: t.shape,
      transform: { x: t.x ?? 100 + 200 * k, y: 400, rotation: 0 },
      width: t.shape === 'round' ? 90 : 120,
      ...(t.shape === 'rect' ? { height: 60 } : {}),
      seatCount: t.seats,
    }),
  );
  const input = {
    schemaVersion: 2,
    name: 'Banquet',
    size: { width: 1000, height: 800 },
    focalPoint: { x: 500, y: 0 },
    categories: [{ key: 'A', label: 'A', color: '#d9480f' }],
    levels: [{ id: 'main', name: 'Main' }],
    sections: [
      {
        type: 'section',
        id: 'hall',
        label: 'Hall',
        level: 'main',
        transform: { x: 0, y: 0, rotation: 0 },
        category: 'A',
        rows,
        tables,
        gaAreas: [],
      },
    ],
  } as unknown as SeatmapDocumentInput;
  const doc = SeatmapDocument.parse(input);
  const layout = buildLayout(doc);
  const nameOf = (i: number): string => layout.seats[i]!.id;
  return {
    layout,
    prepared: prepareBestAvailable(layout),
    focalPoint: doc.focalPoint,
    names: (seats) => seats.map(nameOf),
    seats: (...names) => names.map((n) => layout.indexById.get(n)!),
  };
}

/** A status array with the named seats taken. */
export function taken(h: Hall, ...names: string[]): Uint8Array {
  const status = new Uint8Array(h.layout.seats.length);
  for (const i of h.seats(...names)) status[i] = 2;
  return status;
}
