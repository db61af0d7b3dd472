// Adding seats to and removing them from the selection (holding and releasing them through the
// holder), and what follows every selection change: colours, marks, orphan check, panel and the
// `selectionchange` event.
import type { PickerCore } from './picker-core.ts';
import { holder, recolour, requireModel, selectedSeats } from './picker-core.ts';
import { renderPanel } from './panel-view.ts';
import { sumPrices } from './price.ts';

/** Adds seats by id, holding them first when `hold` and there is a holder (all or nothing). */
export async function selectSeats(
  core: PickerCore,
  seatIds: string[],
  { hold = true } = {},
): Promise<void> {
  const model = requireModel(core);
  const indexes = seatIds.map((id) => {
    const i = model.indexOf(id);
    if (i < 0) throw new RangeError(`Unknown seat id "${id}"`);
    return i;
  });
  const fresh = indexes.filter((i) => !core.selection.has(i));
  const places = core.selection.size + (core.ga?.picks.count ?? 0);
  if (places + fresh.length > core.selection.maxSeats) {
    throw new RangeError(
      `Selecting ${fresh.length} more seats would exceed maxSeats (${core.selection.maxSeats})`,
    );
  }
  const seatHolder = holder(core);
  if (hold && seatHolder && fresh.length) await seatHolder.hold(fresh.map((i) => model.seat(i).id));
  if (core.destroyed) return;
  for (const i of fresh) core.selection.add(i);
  selectionChanged(core, fresh);
}

/** Removes seats by id (all seats and standing places when omitted), releasing them. */
export async function deselectSeats(
  core: PickerCore,
  seatIds?: string[],
  { release = true } = {},
): Promise<void> {
  const model = requireModel(core);
  const indexes = seatIds
    ? seatIds.map((id) => model.indexOf(id)).filter((i) => core.selection.has(i))
    : core.selection.seats;
  const standing = seatIds ? 0 : (core.ga?.picks.count ?? 0);
  for (const i of indexes) core.selection.delete(i);
  if (!seatIds) core.ga?.picks.clear();
  selectionChanged(core, indexes);
  const seatHolder = holder(core);
  if (!release || !seatHolder) return;
  // Standing places leave a hold only with the whole hold.
  if (standing) await seatHolder.release();
  else if (indexes.length) await seatHolder.release(indexes.map((i) => model.seat(i).id));
}

/** Repaints `changed`, re-marks the selection, re-checks orphans, redraws the panel, emits. */
export function selectionChanged(core: PickerCore, changed: readonly number[]): void {
  const model = core.model;
  if (!core.scene || !model) return;
  for (const i of changed) if (recolour(core, i)) core.repaints.add(i);
  core.scene.mark(core.selection.seats);
  const check = core.opts.warnOrphans === false ? undefined : core.orphanCheck;
  core.orphans =
    check?.created(core.source?.status ?? new Uint8Array(0), core.selection.seats) ?? [];
  renderPanel(core);
  const seats = selectedSeats(core);
  const ga = core.ga?.picked() ?? [];
  core.emit('selectionchange', {
    seats,
    ga,
    total: sumPrices([...seats, ...ga].map((s) => s.price)),
    orphans: core.orphans.map((i) => model.seat(i)),
  });
}
