// Seat picker in Chromium on the 80,000-seat stadium sample. Figure: first render (mount → map on
// screen, ms). Baseline, same run and page size: a bare Konva stage drawing 80,000 circles as
// nodes. Extras: the repaint of a burst of 1,000 status changes (the picker's share of the frame
// that shows them, timed with requestAnimationFrame) with the whole stadium in view and zoomed
// in on one section (circles, clipped dirty-seat repaint), a full redraw of all seats, and the gzip'd
// size of the SDK core bundle (Vite library build of client-sdk/src/index.ts; React must be absent).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin, type Rollup } from 'vite';
import { buildLayout, loadSeatmap } from '@parterre/seatmaps';
import type { PickerLayout } from '../../client-sdk/src/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { percentile, report } from './lib/report.ts';

const SDK = fileURLToPath(new URL('../../client-sdk/', import.meta.url));
const SEATMAPS = fileURLToPath(new URL('../../seatmaps/src/index.ts', import.meta.url));
const STADIUM = new URL('../../seatmaps/samples/stadium.json', import.meta.url);
const BURST = 1000;
const VIEWPORT = { width: 1280, height: 800 };

/** The page's code: mounts the picker or the baseline and times them (runs in Chromium). */
const PAGE_ENTRY = `
import Konva from 'konva';
import { mountSeatPicker } from ${JSON.stringify(`${SDK}src/index.ts`)};

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const host = () => {
  document.body.replaceChildren();
  const el = document.createElement('div');
  el.style.cssText = 'width:${VIEWPORT.width}px;height:${VIEWPORT.height}px';
  document.body.append(el);
  return el;
};

class Source {
  constructor(n) { this.status = new Uint8Array(n); this.listeners = new Set(); }
  on(_name, fn) { this.listeners.add(fn); return () => this.listeners.delete(fn); }
  change(seats) { for (const fn of this.listeners) fn({ seats }); }
}

window.bench = {
  async baseline(layout) {
    const el = host();
    const t0 = performance.now();
    const stage = new Konva.Stage({ container: el, width: el.clientWidth, height: el.clientHeight });
    const layer = new Konva.Layer({ listening: false });
    const scale = Math.min(el.clientWidth / layout.size.width, el.clientHeight / layout.size.height);
    stage.scale({ x: scale, y: scale });
    const colours = Object.fromEntries(layout.categories.map((c) => [c.key, c.color]));
    for (const s of layout.seats) {
      layer.add(new Konva.Circle({ x: s.x, y: s.y, radius: 8.5, fill: colours[s.category] ?? '#888', listening: false, perfectDrawEnabled: false }));
    }
    stage.add(layer);
    layer.draw();
    await frame();
    const ms = performance.now() - t0;
    stage.destroy();
    return ms;
  },
  async picker(layout, burst) {
    const el = host();
    const source = new Source(layout.seats.length);
    const t0 = performance.now();
    const picker = mountSeatPicker(el, { layout, live: source, holder: null, panel: false });
    await picker.ready;
    await frame();
    const firstRender = performance.now() - t0;
    for (let i = 0; i < 5; i++) await frame(); // let the first frame's raster settle
    const seats = new Set();
    while (seats.size < burst) seats.add(Math.floor(Math.random() * layout.seats.length));
    for (const i of seats) source.status[i] = 1 + (i % 3);
    const sent = performance.now();
    source.change([...seats]);
    const [frameStart, painted] = await new Promise((resolve) =>
      requestAnimationFrame((ts) => resolve([ts, performance.now()])),
    );
    const t1 = performance.now();
    picker.zoomToFit();
    picker.zoomBy(1.0001);
    await frame();
    const t2 = performance.now();
    // Zoomed in on one section, seats are circles: the burst goes through the clipped
    // dirty-seat repaint instead of a full pixel redraw.
    const section = picker.sections[0];
    picker.zoomToSection(section);
    for (let i = 0; i < 5; i++) await frame();
    const near = layout.seats.filter((s) => s.section === section).slice(0, burst).map((s) => s.index);
    for (const i of near) source.status[i] = source.status[i] === 0 ? 1 : 0;
    const sentZoomed = performance.now();
    source.change(near);
    const [zoomedStart, zoomedPainted] = await new Promise((resolve) =>
      requestAnimationFrame((ts) => resolve([ts, performance.now()])),
    );
    picker.destroy();
    return {
      firstRender,
      repaint: painted - Math.max(frameStart, sent),
      burstToScreen: painted - sent,
      fullRedraw: t2 - t1,
      zoomedRepaint: zoomedPainted - Math.max(zoomedStart, sentZoomed),
      zoomedSeats: near.length,
    };
  },
};
`;

function pageEntry(): Plugin {
  const id = '\0picker-bench-entry.js';
  return {
    name: 'picker-bench-entry',
    resolveId: (source) => (source.endsWith('picker-bench-entry') ? id : null),
    load: (source) => (source === id ? PAGE_ENTRY : null),
  };
}

/** One minified bundle of `entry`; returns its code and the module ids it contains. */
async function bundle(entry: string, plugins: Plugin[] = []) {
  const out = (await build({
    root: SDK,
    configFile: false,
    logLevel: 'error',
    plugins,
    resolve: {
      alias: {
        '@parterre/seatmaps/client': SEATMAPS.replace(/index\.ts$/, 'client.ts'),
        '@parterre/seatmaps': SEATMAPS,
      },
    },
    build: {
      write: false,
      minify: true,
      lib: { entry, formats: ['es'], fileName: 'bundle' },
      rollupOptions: { output: { codeSplitting: false } },
    },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const output = (Array.isArray(out) ? out[0] : out) as Rollup.RollupOutput;
  const chunk = output.output.find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error(`Vite produced no chunk for ${entry}`);
  return { code: chunk.code, modules: chunk.modules };
}

/** Bytes per package of a bundle, as rendered before minification (shares, not totals). */
function bytesByPackage(modules: Record<string, { renderedLength: number }>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [id, { renderedLength }] of Object.entries(modules)) {
    const pkg =
      /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id)?.[1] ??
      /[\\/](seatmaps|client-sdk)[\\/]src[\\/]/.exec(id)?.[1] ??
      'other';
    sizes.set(pkg, (sizes.get(pkg) ?? 0) + renderedLength);
  }
  return new Map([...sizes].sort((a, b) => b[1] - a[1]));
}

async function stadiumLayout(): Promise<PickerLayout> {
  const loaded = loadSeatmap(JSON.parse(await readFile(STADIUM, 'utf8')));
  if (!loaded.success) throw new Error(`stadium sample does not load: ${loaded.error.message}`);
  const doc = loaded.data;
  const layout = buildLayout(doc);
  return {
    event: {
      id: 'bench',
      name: 'Stadium',
      startsAt: new Date().toISOString(),
      salesOpen: true,
      holdTtlSeconds: 900,
    },
    size: doc.size,
    focalPoint: doc.focalPoint,
    categories: doc.categories.map((c) => ({ key: c.key, label: c.label, color: c.color })),
    seats: layout.seats.map((s) => ({
      index: s.index,
      id: s.id,
      label: s.label,
      row: s.row,
      section: s.section,
      category: s.category,
      x: s.x,
      y: s.y,
      flags: [],
    })),
    gaAreas: layout.gaAreas.map((a) => ({ ...a, outline: [...a.outline] })),
    prices: doc.categories.map((c, i) => ({
      category: c.key,
      priceType: 'full',
      amount: 9000 - i * 1500,
      currency: 'EUR',
    })),
  };
}

/** What the page entry puts on window. */
interface BenchWindow {
  layout: PickerLayout;
  bench: {
    baseline(layout: PickerLayout): Promise<number>;
    picker(layout: PickerLayout, burst: number): Promise<PickerRun>;
  };
}

interface PickerRun {
  firstRender: number;
  repaint: number;
  burstToScreen: number;
  fullRedraw: number;
  zoomedRepaint: number;
  zoomedSeats: number;
}

export async function run({ quick }: { quick: boolean; args: string[] }): Promise<void> {
  const runs = quick ? 1 : 5;
  const [layout, page, core] = await Promise.all([
    stadiumLayout(),
    bundle('picker-bench-entry', [pageEntry()]),
    bundle(`${SDK}src/index.ts`),
  ]);
  const reactInCore = Object.keys(core.modules).some((m) =>
    /node_modules[\\/]react(-dom)?[\\/]/.test(m),
  );
  const browser = await launchBrowser();
  const baseline: number[] = [];
  const picker: PickerRun[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const tab = await browser.newPage({ viewport: VIEWPORT });
      tab.on('pageerror', (err) => console.error('page error:', err.message));
      await tab.addScriptTag({ content: page.code, type: 'module' });
      await tab.waitForFunction(() => 'bench' in window);
      await tab.evaluate((l) => ((window as unknown as BenchWindow).layout = l), layout);
      baseline.push(
        await tab.evaluate(() => {
          const w = window as unknown as BenchWindow;
          return w.bench.baseline(w.layout);
        }),
      );
      picker.push(
        await tab.evaluate((burst) => {
          const w = window as unknown as BenchWindow;
          return w.bench.picker(w.layout, burst);
        }, BURST),
      );
      await tab.close();
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => percentile(xs, 50);
  const pick = (k: keyof PickerRun) => median(picker.map((r) => r[k]));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const parts = [...bytesByPackage(core.modules)].map(([pkg, n]) => `${pkg} ${kb(n)}`);
  console.log(
    `${layout.seats.length} seats, ${runs} run(s); SDK core ${kb(gzipSync(core.code).length)} gzip'd, ` +
      `${kb(core.code.length)} minified; modules before minification: ${parts.join(', ')}`,
  );
  report({
    bench: 'picker',
    value: pick('firstRender'),
    unit: 'ms',
    baseline: median(baseline),
    lowerIsBetter: true,
    extra: {
      seats: layout.seats.length,
      runs,
      repaintMs: Number(pick('repaint').toFixed(2)),
      burstToScreenMs: Number(pick('burstToScreen').toFixed(2)),
      burst: BURST,
      fullRedrawMs: Number(pick('fullRedraw').toFixed(2)),
      zoomedRepaintMs: Number(pick('zoomedRepaint').toFixed(2)),
      zoomedBurst: pick('zoomedSeats'),
      coreBytes: core.code.length,
      coreGzipBytes: gzipSync(core.code).length,
      reactInCore,
    },
  });
}
