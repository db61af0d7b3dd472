// Live status changes on the map: recolour and repaint the changed seats, pulse what others
// did, and drop selected seats that are no longer held for this visitor.
import { seatName } from './describe.ts';
import type { Palette } from './palette.ts';
import type { PickerCore } from './picker-core.ts';
import { recolour, requireModel } from './picker-core.ts';
import { renderPanel } from './panel-view.ts';
import { selectionChanged } from './selection-flow.ts';
import type { StatusChange } from './types.ts';

export function applyStatusChange(core: PickerCore, { seats, ga, source }: StatusChange): void {
  if (!core.model || core.destroyed) return;
  if (ga?.length) renderPanel(core);
  const lost = core.selection.dropLost(seats, core.source?.status ?? []);
  for (const i of seats) if (recolour(core, i)) core.repaints.add(i);
  if (source !== 'snapshot') {
    const palette = core.palette as Palette;
    core.scene?.pulse(seats, (i) => palette.colors[core.scene?.seats.colour[i] ?? 0] ?? '');
  }
  if (lost.length) {
    const names = lost.map((i) => seatName(requireModel(core).seat(i), false));
    core.panel.announce(`No longer held for you: ${names.join('; ')}`);
    selectionChanged(core, lost);
  }
}
