// The studio designer in Chromium on the stadium sample (92,240 seats). Figure: first render —
// from picking the file to the seats drawn (read, loadSeatmap with block expansion, React mount,
// Konva draw), ms. Baseline, same run and viewport: a bare Konva stage drawing every seat as a
// Konva.Circle node in one layer. Extras: a pan frame (camera moved through the studio's own wheel
// handler, then the frame drawn synchronously: event → editor → React commit → Konva draw) at the
// zoom-to-fit view and zoomed in on the stands, and the baseline's pan frame.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type KonvaType from 'konva';
import type { Page } from 'playwright-core';
import { buildLayout, loadSeatmap } from '@parterre/seatmaps';
import { startStudioServer } from '../browser/studio-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { percentile, report } from './lib/report.ts';

const STADIUM = fileURLToPath(new URL('../../seatmaps/samples/stadium.json', import.meta.url));
const VIEWPORT = { width: 1280, height: 720 };

/** Opens the stadium as a local file; resolves to ms from the file pick to the seats drawn. */
async function firstRender(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const input = page.getByLabel('Open a local seat-map file');
  await input.evaluate((el) =>
    el.addEventListener('change', () => performance.mark('bench:picked'), { capture: true }),
  );
  await input.setInputFiles(STADIUM);
  await page.waitForFunction(() => performance.getEntriesByName('parterre:seats-drawn').length > 0);
  return page.evaluate(() => {
    const [picked] = performance.getEntriesByName('bench:picked');
    const [drawn] = performance.getEntriesByName('parterre:seats-drawn');
    return (drawn?.startTime ?? NaN) - (picked?.startTime ?? NaN);
  });
}

/**
 * Pans by wheel events through the studio's own input path; each frame is timed from the event
 * to the end of a synchronous draw of every layer (so vsync waits are not counted).
 */
async function panFrames(page: Page, frames: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    const canvas = document.querySelector('.canvas') as HTMLElement;
    const konva = (
      window as unknown as { Konva: { stages: { x(): number; getLayers(): { draw(): void }[] }[] } }
    ).Konva;
    const stage = konva.stages[0];
    if (!stage) throw new Error('no Konva stage on the page');
    const settle = () => new Promise<void>((r) => queueMicrotask(r));
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      const before = stage.x();
      const t0 = performance.now();
      const dx = i % 20 < 10 ? 40 : -40;
      canvas.dispatchEvent(
        new WheelEvent('wheel', {
          deltaX: dx,
          deltaY: 0,
          bubbles: true,
          cancelable: true,
          clientX: 600,
          clientY: 300,
        }),
      );
      for (let k = 0; k < 5 && stage.x() === before; k++) await settle();
      for (const layer of stage.getLayers()) layer.draw();
      out.push(performance.now() - t0);
    }
    return out;
  }, frames);
}

/** Zooms in (Ctrl+wheel through the studio) about the north stand. */
async function zoomOnStands(page: Page, steps: number): Promise<number> {
  const canvas = page.locator('.canvas');
  return canvas.evaluate(async (el, k) => {
    const cam = {
      x: Number(el.dataset.cameraX),
      y: Number(el.dataset.cameraY),
      zoom: Number(el.dataset.zoom),
    };
    const r = el.getBoundingClientRect();
    const at = {
      clientX: r.left + cam.x + 7600 * cam.zoom,
      clientY: r.top + cam.y + 3300 * cam.zoom,
    };
    for (let i = 0; i < k; i++) {
      el.dispatchEvent(
        new WheelEvent('wheel', {
          deltaY: -30,
          ctrlKey: true,
          bubbles: true,
          cancelable: true,
          ...at,
        }),
      );
      await new Promise((res) => requestAnimationFrame(res));
    }
    return Number(el.dataset.zoom);
  }, steps);
}

/** The baseline in the same page: one layer of Konva.Circle nodes, fitted like the studio. */
async function baseline(page: Page, seats: { x: number; y: number }[], frames: number) {
  return page.evaluate(
    async ({ seats, frames, viewport }) => {
      const Konva = (window as unknown as { Konva: typeof KonvaType }).Konva;
      document.body.replaceChildren();
      const el = document.createElement('div');
      el.style.cssText = `width:${viewport.width}px;height:${viewport.height}px`;
      document.body.append(el);
      const t0 = performance.now();
      const stage = new Konva.Stage({
        container: el,
        width: viewport.width,
        height: viewport.height,
      });
      const layer = new Konva.Layer();
      const xs = seats.map((s) => s.x);
      const ys = seats.map((s) => s.y);
      const lo = (v: number[]) => v.reduce((a, b) => Math.min(a, b), Infinity);
      const hi = (v: number[]) => v.reduce((a, b) => Math.max(a, b), -Infinity);
      const [minX, maxX, minY, maxY] = [lo(xs), hi(xs), lo(ys), hi(ys)];
      const zoom = Math.min(viewport.width / (maxX - minX), viewport.height / (maxY - minY));
      stage.scale({ x: zoom, y: zoom });
      stage.position({ x: -minX * zoom, y: -minY * zoom });
      for (const s of seats)
        layer.add(new Konva.Circle({ x: s.x, y: s.y, radius: 9, fill: '#1971c2' }));
      stage.add(layer);
      layer.draw();
      const first = performance.now() - t0;
      const pans: number[] = [];
      for (let i = 0; i < frames; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        const p0 = performance.now();
        stage.x(stage.x() + (i % 20 < 10 ? 40 : -40));
        layer.draw();
        pans.push(performance.now() - p0);
      }
      stage.destroy();
      return { first, pans };
    },
    { seats, frames, viewport: VIEWPORT },
  );
}

export async function run({ quick }: { quick: boolean; args: string[] }): Promise<void> {
  const runs = quick ? 1 : 3;
  const frames = quick ? 15 : 60;
  const loaded = loadSeatmap(JSON.parse(readFileSync(STADIUM, 'utf8')));
  if (!loaded.success) throw new Error('the stadium sample does not load');
  const seats = buildLayout(loaded.data).seats.map((s) => ({ x: s.x, y: s.y }));
  const server = await startStudioServer();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    // tsx compiles the evaluate() callbacks with esbuild's keepNames, which calls __name().
    await page.addInitScript('globalThis.__name = (f) => f;');
    const renders: number[] = [];
    for (let i = 0; i < runs; i++) renders.push(await firstRender(page, server.url));
    // Let the deferred validation of the plan finish before timing frames.
    await page.waitForTimeout(1500);
    // Zoom-to-fit draws section hulls; ×3.3 draws seats as squares; ×8 as circles.
    const fitPans = await panFrames(page, frames);
    const squaresZoom = await zoomOnStands(page, 4);
    const squarePans = await panFrames(page, frames);
    const zoom = await zoomOnStands(page, 3);
    const standPans = await panFrames(page, frames);
    const base = await baseline(page, seats, frames);
    const value = percentile(renders, 50);
    report({
      bench: 'studio-render',
      value,
      unit: 'ms',
      baseline: base.first,
      lowerIsBetter: true,
      extra: {
        seats: seats.length,
        runs,
        panFrameMs: Number(percentile([...fitPans, ...squarePans, ...standPans], 50).toFixed(2)),
        panFrameP95Ms: Number(percentile([...fitPans, ...squarePans, ...standPans], 95).toFixed(2)),
        panFrameFitP50Ms: Number(percentile(fitPans, 50).toFixed(2)),
        panFrameSquaresP50Ms: Number(percentile(squarePans, 50).toFixed(2)),
        panFrameCirclesP50Ms: Number(percentile(standPans, 50).toFixed(2)),
        squaresZoom: Number(squaresZoom.toFixed(3)),
        circlesZoom: Number(zoom.toFixed(3)),
        baselinePanFrameMs: Number(percentile(base.pans, 50).toFixed(2)),
      },
    });
  } finally {
    await browser.close();
    await server.close();
  }
}
