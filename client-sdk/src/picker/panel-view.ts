// The side panel as a view of the picker's state (legend, level tabs, standing steppers, the
// selection list with its orphan warning), and switching the level on screen, which redraws it.
import { seatName } from './describe.ts';
import type { PickerCore } from './picker-core.ts';
import { requireModel } from './picker-core.ts';
import { sumPrices } from './price.ts';
import type { PickedSeat } from './types.ts';

/** Redraws the panel from the current state (no-op before the layout is loaded). */
export function renderPanel(core: PickerCore): void {
  const model = core.model;
  if (!model) return;
  const locale = core.opts.locale ?? 'en';
  core.panel.renderLegend(model.layout.categories, (k) => model.priceOf(k), core.theme, locale);
  const level = core.scene?.level ?? 0;
  const levels = model.levels.levels;
  core.panel.renderLevels(levels, levels[level]?.id ?? '', (id) => setLevel(core, id));
  const steppers = core.ga?.steppers(level, locale) ?? [];
  core.panel.renderGa(steppers, (id, delta) => void core.ga?.step(id, delta));
  const seats = core.selection.seats.map((i) => model.seat(i));
  const standing = core.ga?.picked() ?? [];
  const name = (seat: PickedSeat) => seatName(seat, model.sections.size > 1);
  const orphans = core.orphans.map((i) => name(model.seat(i)));
  core.panel.renderSelection({
    seats: seats.map((seat) => ({ seat, name: name(seat) })),
    ga: standing,
    total: sumPrices([...seats, ...standing].map((s) => s.price)),
    locale,
    maxSeats: core.selection.maxSeats,
    warning: orphans.length
      ? `Your selection leaves a single empty seat (${orphans.join('; ')}). Please pick seats that do not.`
      : '',
    onRemove: (i) => void core.toggle(i),
    onRemoveGa: (id) => void core.ga?.step(id, 'remove'),
  });
}

/** Shows level `level` (an index into the model's levels). */
export function showLevel(core: PickerCore, level: number): void {
  if (!core.scene || core.scene.level === level) return;
  core.input?.clearFocus();
  core.scene.showLevel(level);
  renderPanel(core);
}

/** Shows a level by id; throws a RangeError naming the known levels for an unknown id. */
export function setLevel(core: PickerCore, levelId: string): void {
  const model = requireModel(core);
  const k = model.levels.levels.findIndex((l) => l.id === levelId);
  if (k < 0) {
    const known = model.levels.levels.map((l) => l.id).join(', ');
    throw new RangeError(`Unknown level "${levelId}"; levels: ${known}`);
  }
  showLevel(core, k);
}
