// Edits a row's generator parameters (seat count, spacing, curve radius, skew), numbering or
// label after the fact and regenerates its seats with seatmaps `regenerateRow`: the first seats
// keep their ids, categories and flags.
import {
  ArcRowGenerator,
  regenerateRow,
  SeatNumbering,
  StraightRowGenerator,
  type Row,
  type RowGenerator,
  type SeatNumbering as Numbering,
} from '@parterre/seatmaps';
import { register } from '../action.ts';
import { updateRecords } from '../update-records.ts';

export interface RowPatch {
  readonly rowId: string;
  readonly label?: string;
  readonly count?: number;
  readonly spacing?: number;
  readonly skew?: number;
  readonly radius?: number;
  readonly numbering?: Partial<Numbering>;
}

function patchGenerator(g: RowGenerator, p: RowPatch): RowGenerator | null {
  if (g.kind === 'manual') return g;
  const common = {
    ...(p.count === undefined ? {} : { count: p.count }),
    ...(p.spacing === undefined ? {} : { spacing: p.spacing }),
  };
  const parsed =
    g.kind === 'straight'
      ? StraightRowGenerator.safeParse({
          ...g,
          ...common,
          ...(p.skew === undefined ? {} : { skew: p.skew }),
        })
      : ArcRowGenerator.safeParse({
          ...g,
          ...common,
          ...(p.radius === undefined ? {} : { radius: p.radius }),
        });
  return parsed.success ? parsed.data : null;
}

function patchRow(row: Row, p: RowPatch): Row | null {
  const generator = patchGenerator(row.generator, p);
  const numbering = SeatNumbering.safeParse({ ...row.numbering, ...p.numbering });
  if (!generator || !numbering.success) return null;
  const label = p.label?.trim() || row.label;
  try {
    return regenerateRow(
      { ...row, label, generator, numbering: numbering.data },
      { now: Date.now() },
    );
  } catch {
    // The arc cannot hold that many seats at that spacing: refuse the edit, change nothing.
    return null;
  }
}

export const actionUpdateRow = register<RowPatch>({
  name: 'updateRow',
  label: 'Edit row',
  perform({ document: doc }, patch) {
    let valid = true;
    const next = updateRecords(doc, [patch.rowId], {
      row: (r) => {
        const out = patchRow(r, patch);
        valid = out !== null;
        return out ?? r;
      },
    });
    if (!valid || next === doc) return false;
    return { document: next, captureUpdate: 'IMMEDIATELY' };
  },
});
