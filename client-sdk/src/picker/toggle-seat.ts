// A tap, Enter or Space on a seat: deselect it, or check the selection rules and hold it, and
// tell the live region what happened.
import { seatName } from './describe.ts';
import type { PickerCore } from './picker-core.ts';
import { statusAt } from './picker-core.ts';
import { deselectSeats, selectSeats } from './selection-flow.ts';

export async function toggleSeat(core: PickerCore, i: number): Promise<void> {
  const model = core.model;
  if (!model || core.pending.has(i)) return;
  const seat = model.seat(i);
  const name = seatName(seat, model.sections.size > 1);
  if (core.selection.has(i)) {
    await deselectSeats(core, [seat.id]).catch((err: unknown) => core.emit('error', err as Error));
    core.panel.announce(`${name} removed from your selection`);
    return;
  }
  const inFlight = core.pending.size + (core.ga?.picks.count ?? 0);
  const verdict = core.selection.verdict(i, statusAt(core, i), inFlight);
  if (verdict === 'unavailable') return core.panel.announce(`${name} is not available`);
  if (verdict === 'limit') {
    return core.panel.announce(`You can select at most ${core.selection.maxSeats} seats`);
  }
  core.pending.add(i);
  try {
    await selectSeats(core, [seat.id]);
    core.panel.announce(`${name} selected`);
  } catch (err) {
    const taken = (err as { code?: string }).code === 'SEATS_UNAVAILABLE';
    core.panel.announce(
      `${name} ${taken ? 'was just taken by someone else' : 'could not be held'}`,
    );
    core.emit('error', err as Error);
  } finally {
    core.pending.delete(i);
  }
}
