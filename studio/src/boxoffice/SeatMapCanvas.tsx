// The live seat map of the box office on one 2D canvas: every seat of the level drawn each frame
// from typed arrays (an 80,000-seat stadium is a few milliseconds), coloured by status, category
// or first sale; the selection ringed. Click a seat to add or remove it, drag a box to add the
// seats inside (or pan in "Move" mode, with the middle button or with Space held), wheel or +/−
// to zoom, arrows to pan, Escape to clear. The search field is the keyboard's way to pick seats.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fitCamera, toWorld, zoomAt, type Camera } from './camera.ts';
import { paintSeats, type ColourContext, type SeatPaint } from './seat-colors.ts';
import { seatAt, seatsIn, type SeatModel } from './seat-model.ts';

interface Props {
  readonly model: SeatModel;
  readonly level: number;
  readonly status: Uint8Array;
  /** Bumped whenever `status` changed in place. */
  readonly version: number;
  readonly soldRank: ReadonlyMap<number, number>;
  /** Channel index per seat (-1: general sale). */
  readonly channelOf: Int16Array;
  readonly colours: Omit<ColourContext, 'soldCount'>;
  readonly selection: readonly number[];
  readonly onPick: (seats: number[]) => void;
  readonly onClear: () => void;
  readonly label: string;
}

type Drag =
  | { kind: 'pan'; sx: number; sy: number; cam: Camera }
  | { kind: 'box'; sx: number; sy: number; ex: number; ey: number; moved: boolean };

function draw(
  canvas: HTMLCanvasElement,
  cam: Camera,
  props: Props,
  paint: SeatPaint,
  levelSeats: Uint32Array,
  box: { x0: number; y0: number; x1: number; y1: number } | null,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const dpr = window.devicePixelRatio || 1;
  const { model, level, selection } = props;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const r = Math.max(1, model.pitch * 0.42 * cam.zoom);
  const w = canvas.width / dpr;
  const h = canvas.height / dpr;
  const points: number[][] = paint.palette.map(() => []);
  for (const i of levelSeats) {
    const sx = model.xs[i]! * cam.zoom + cam.x;
    const sy = model.ys[i]! * cam.zoom + cam.y;
    if (sx < -r || sy < -r || sx > w + r || sy > h + r) continue;
    points[paint.colour[i]!]!.push(sx, sy);
  }
  const batches = paint.palette.map((colour, k) => [colour, points[k]!] as const);
  for (const [colour, pts] of batches) {
    ctx.fillStyle = colour;
    if (r < 3) {
      for (let k = 0; k < pts.length; k += 2)
        ctx.fillRect(pts[k]! - r, pts[k + 1]! - r, 2 * r, 2 * r);
      continue;
    }
    ctx.beginPath();
    for (let k = 0; k < pts.length; k += 2) {
      ctx.moveTo(pts[k]! + r, pts[k + 1]!);
      ctx.arc(pts[k]!, pts[k + 1]!, r, 0, Math.PI * 2);
    }
    ctx.fill();
  }
  ctx.strokeStyle = '#5f3dc4';
  ctx.lineWidth = Math.max(2, r * 0.35);
  ctx.beginPath();
  for (const i of selection) {
    if (model.level[i] !== level) continue;
    const sx = model.xs[i]! * cam.zoom + cam.x;
    const sy = model.ys[i]! * cam.zoom + cam.y;
    ctx.moveTo(sx + r + 2, sy);
    ctx.arc(sx, sy, r + 2, 0, Math.PI * 2);
  }
  ctx.stroke();
  if (box) {
    ctx.fillStyle = 'rgba(95, 61, 196, 0.12)';
    ctx.strokeStyle = '#5f3dc4';
    ctx.lineWidth = 1;
    ctx.fillRect(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
    ctx.strokeRect(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
  }
}

export function SeatMapCanvas(props: Props) {
  const { model, level, onPick, onClear, label, status, version, soldRank, channelOf, colours } =
    props;
  const categories = useMemo(() => model.seats.map((s) => s.category), [model]);
  const levelSeats = useMemo(() => {
    const out: number[] = [];
    for (let i = 0; i < model.xs.length; i++) if (model.level[i] === level) out.push(i);
    return Uint32Array.from(out);
  }, [model, level]);
  // Recoloured when seats change (`version`) or the mode does; camera moves reuse it.
  const paint = useMemo(
    () =>
      paintSeats(status, categories, soldRank, channelOf, {
        ...colours,
        soldCount: soldRank.size,
      }),
    [status, categories, soldRank, channelOf, colours.mode, colours.categoryColours, version],
  );
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [cam, setCam] = useState<Camera | null>(null);
  const [mode, setMode] = useState<'select' | 'move'>('select');
  const drag = useRef<Drag | null>(null);
  const space = useRef(false);
  const [boxTick, setBoxTick] = useState(0);

  const fit = useCallback(() => {
    const el = wrap.current;
    if (!el) return;
    setCam(fitCamera(model, { width: el.clientWidth, height: el.clientHeight }));
  }, [model]);

  // Size the canvas to its box (and the device's pixels); fit the plan on first layout.
  useEffect(() => {
    const el = wrap.current;
    const c = canvas.current;
    if (!el || !c) return;
    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      c.width = Math.round(el.clientWidth * dpr);
      c.height = Math.round(el.clientHeight * dpr);
      c.style.width = `${el.clientWidth}px`;
      c.style.height = `${el.clientHeight}px`;
      setCam(
        (current) =>
          current ?? fitCamera(model, { width: el.clientWidth, height: el.clientHeight }),
      );
      setBoxTick((n) => n + 1);
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    return () => observer.disconnect();
  }, [model]);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !cam) return;
    const d = drag.current;
    const box =
      d?.kind === 'box' && d.moved
        ? {
            x0: Math.min(d.sx, d.ex),
            y0: Math.min(d.sy, d.ey),
            x1: Math.max(d.sx, d.ex),
            y1: Math.max(d.sy, d.ey),
          }
        : null;
    const frame = requestAnimationFrame(() => draw(c, cam, props, paint, levelSeats, box));
    return () => cancelAnimationFrame(frame);
  });

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = c.getBoundingClientRect();
      setCam(
        (cur) =>
          cur &&
          zoomAt(cur, Math.exp(-e.deltaY * 0.0015), e.clientX - rect.left, e.clientY - rect.top),
      );
    };
    c.addEventListener('wheel', onWheel, { passive: false });
    return () => c.removeEventListener('wheel', onWheel);
  }, []);

  const local = (e: React.PointerEvent) => {
    const rect = canvas.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!cam) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = local(e);
    const pan = mode === 'move' || e.button === 1 || space.current;
    drag.current = pan
      ? { kind: 'pan', sx: p.x, sy: p.y, cam }
      : { kind: 'box', sx: p.x, sy: p.y, ex: p.x, ey: p.y, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (!d) return;
    const p = local(e);
    if (d.kind === 'pan') {
      setCam({ ...d.cam, x: d.cam.x + p.x - d.sx, y: d.cam.y + p.y - d.sy });
      return;
    }
    d.ex = p.x;
    d.ey = p.y;
    d.moved ||= Math.hypot(p.x - d.sx, p.y - d.sy) > 5;
    setBoxTick((n) => n + 1);
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.kind === 'pan' || !cam) return;
    if (d.moved) {
      const seats = seatsIn(model, level, toWorld(cam, d.sx, d.sy), toWorld(cam, d.ex, d.ey));
      if (seats.length) onPick(seats);
    } else {
      const w = toWorld(cam, d.sx, d.sy);
      const hit = seatAt(model, level, w.x, w.y);
      if (hit >= 0) onPick([hit]);
    }
    setBoxTick((n) => n + 1);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = 60;
    const el = wrap.current;
    const centre = { x: (el?.clientWidth ?? 0) / 2, y: (el?.clientHeight ?? 0) / 2 };
    const keys: Record<string, (c: Camera) => Camera> = {
      ArrowLeft: (c) => ({ ...c, x: c.x + step }),
      ArrowRight: (c) => ({ ...c, x: c.x - step }),
      ArrowUp: (c) => ({ ...c, y: c.y + step }),
      ArrowDown: (c) => ({ ...c, y: c.y - step }),
      '+': (c) => zoomAt(c, 1.25, centre.x, centre.y),
      '=': (c) => zoomAt(c, 1.25, centre.x, centre.y),
      '-': (c) => zoomAt(c, 0.8, centre.x, centre.y),
    };
    if (e.key === ' ') space.current = true;
    if (e.key === 'Escape') onClear();
    const move = keys[e.key];
    if (!move) return;
    e.preventDefault();
    setCam((c) => c && move(c));
  };

  return (
    <div className="seatmap" data-box={boxTick}>
      <div className="seatmap-tools" role="toolbar" aria-label="Map">
        <button
          type="button"
          aria-pressed={mode === 'select'}
          onClick={() => setMode('select')}
          title="Click seats or drag a box round them"
        >
          Select
        </button>
        <button
          type="button"
          aria-pressed={mode === 'move'}
          onClick={() => setMode('move')}
          title="Drag to move the map"
        >
          Move map
        </button>
        <button
          type="button"
          aria-label="Zoom in"
          onClick={() =>
            setCam(
              (c) =>
                c &&
                zoomAt(
                  c,
                  1.25,
                  (wrap.current?.clientWidth ?? 0) / 2,
                  (wrap.current?.clientHeight ?? 0) / 2,
                ),
            )
          }
        >
          +
        </button>
        <button
          type="button"
          aria-label="Zoom out"
          onClick={() =>
            setCam(
              (c) =>
                c &&
                zoomAt(
                  c,
                  0.8,
                  (wrap.current?.clientWidth ?? 0) / 2,
                  (wrap.current?.clientHeight ?? 0) / 2,
                ),
            )
          }
        >
          −
        </button>
        <button type="button" onClick={fit}>
          Fit
        </button>
      </div>
      <div className="seatmap-canvas" ref={wrap}>
        <canvas
          ref={canvas}
          tabIndex={0}
          role="img"
          aria-label={label}
          data-camera-x={cam?.x}
          data-camera-y={cam?.y}
          data-zoom={cam?.zoom}
          className={mode === 'move' ? 'moving' : undefined}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (drag.current = null)}
          onKeyDown={onKeyDown}
          onKeyUp={(e) => e.key === ' ' && (space.current = false)}
        />
      </div>
    </div>
  );
}
