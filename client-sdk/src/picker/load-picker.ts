// Bringing a picker on screen: fetch the layout (unless given), open the status source, build
// the model, scene and input, wait for the first snapshot, colour every seat and fit the map.
import { LiveEvent } from '../live-event.ts';
import { applyStatusChange } from './live-status.ts';
import { fetchLayout } from './load-layout.ts';
import { PickerInput } from './input.ts';
import { OrphanCheck } from './orphans.ts';
import { buildPalette } from './palette.ts';
import type { PickerCore } from './picker-core.ts';
import { describeAt, holder, recolour, selectedSeats } from './picker-core.ts';
import { renderPanel } from './panel-view.ts';
import { PickerScene } from './scene.ts';
import { SeatModel } from './seat-model.ts';
import { deselectSeats, selectionChanged } from './selection-flow.ts';
import { StandingControl, type StandingHost } from './standing-control.ts';

/** Loads and draws the picker; resolves when the map shows live statuses. */
export async function loadPicker(core: PickerCore): Promise<void> {
  const started = performance.now();
  const o = core.opts;
  const layout =
    o.layout ??
    (await fetchLayout({
      url: o.url ?? location.origin,
      publicKey: requireOption(core, 'publicKey'),
      eventId: requireOption(core, 'eventId'),
      ...(o.fetch ? { fetch: o.fetch } : {}),
    }));
  if (core.destroyed) return;
  const source = o.live ?? openLive(core);
  core.source = source;
  const firstSync = core.ownLive?.connect();
  const model = SeatModel.from(layout, o.priceType ?? 'full');
  core.model = model;
  core.orphanCheck = new OrphanCheck(layout);
  core.ga = new StandingControl(model, standingHost(core));
  core.palette = buildPalette(layout.categories, core.theme);
  const scene = new PickerScene(core.panel.map, model, core.palette, core.theme);
  core.scene = scene;
  core.input = new PickerInput(model, scene, core.panel, {
    describe: (i) => describeAt(core, i),
    toggle: (i) => void core.toggle(i),
    focusChanged: (i) => core.emit('focus', model.seat(i)),
    tapArea: (k) => core.ga?.tap(k),
  });
  core.cleanups.push(() => core.input?.detach());
  core.cleanups.push(source.on('change', (change) => applyStatusChange(core, change)));
  try {
    await firstSync;
  } catch (err) {
    if (core.destroyed) return; // destroyed while connecting (e.g. React StrictMode remount)
    throw err;
  }
  if (core.destroyed) return;
  for (let i = 0; i < model.size; i++) recolour(core, i);
  scene.fit();
  scene.stage.draw();
  renderPanel(core);
  core.emit('ready', { seatCount: model.size, firstRenderMs: performance.now() - started });
}

/** What standing places need of the picker (holder, limits, selection, panel). */
function standingHost(core: PickerCore): StandingHost {
  return {
    holder: () => holder(core),
    limits: () => ({
      live: core.source?.ga,
      seats: core.selection.size + core.pending.size,
      maxSeats: core.selection.maxSeats,
    }),
    seatIds: () => selectedSeats(core).map((s) => s.id),
    changed: () => selectionChanged(core, []),
    holdLost: () => deselectSeats(core, undefined, { release: false }),
    announce: (text) => core.panel.announce(text),
    focusArea: (id) => core.panel.focusGa(id),
    error: (err) => core.emit('error', err),
  };
}

function openLive(core: PickerCore): LiveEvent {
  core.ownLive = new LiveEvent({
    url: core.opts.url ?? location.origin,
    key: requireOption(core, 'publicKey'),
    eventId: requireOption(core, 'eventId'),
  });
  return core.ownLive;
}

function requireOption(core: PickerCore, name: 'publicKey' | 'eventId'): string {
  const value = core.opts[name];
  if (!value)
    throw new TypeError(`mountSeatPicker needs "${name}" unless "layout" and "live" are given`);
  return value;
}
