// Rulers along the top and left of the canvas in venue units, following pan and zoom. Each is
// one 2D <canvas> redrawn when the camera or size changes (a few dozen ticks, no nodes per tick);
// the pointer's position shows as a marker moved straight in the DOM (see `moveRulerMarkers`).
import { useLayoutEffect, useRef } from 'react';
import type { Camera } from '../editor/types.ts';
import { rulerTicks } from './viewport.ts';

export const RULER_PX = 20;

interface Props {
  readonly camera: Camera;
  readonly width: number;
  readonly height: number;
}

function drawRuler(
  canvas: HTMLCanvasElement,
  horizontal: boolean,
  camera: Camera,
  length: number,
): void {
  const dpr = window.devicePixelRatio || 1;
  const w = horizontal ? length : RULER_PX;
  const h = horizontal ? RULER_PX : length;
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#f8f9fa';
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = '#adb5bd';
  ctx.fillStyle = '#495057';
  ctx.font = '10px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.beginPath();
  const offset = horizontal ? camera.x : camera.y;
  for (const t of rulerTicks(offset, camera.zoom, length)) {
    const at = Math.round(t.screen) + 0.5;
    const tick = t.major ? RULER_PX : RULER_PX / 3;
    if (horizontal) {
      ctx.moveTo(at, RULER_PX);
      ctx.lineTo(at, RULER_PX - tick);
      if (t.major) ctx.fillText(String(t.value), at + 3, 9);
    } else {
      ctx.moveTo(RULER_PX, at);
      ctx.lineTo(RULER_PX - tick, at);
      if (t.major) {
        ctx.save();
        ctx.translate(9, at - 3);
        ctx.rotate(-Math.PI / 2);
        ctx.fillText(String(t.value), 0, 0);
        ctx.restore();
      }
    }
  }
  // The edge towards the plan.
  if (horizontal) {
    ctx.moveTo(0, RULER_PX - 0.5);
    ctx.lineTo(w, RULER_PX - 0.5);
  } else {
    ctx.moveTo(RULER_PX - 0.5, 0);
    ctx.lineTo(RULER_PX - 0.5, h);
  }
  ctx.stroke();
}

export function Rulers({ camera, width, height }: Props) {
  const top = useRef<HTMLCanvasElement>(null);
  const left = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    if (top.current) drawRuler(top.current, true, camera, width);
    if (left.current) drawRuler(left.current, false, camera, height);
  }, [camera, width, height]);
  return (
    <div className="rulers" aria-hidden="true">
      <canvas ref={top} className="ruler ruler-top" data-testid="ruler-top" />
      <canvas ref={left} className="ruler ruler-left" data-testid="ruler-left" />
      <div className="ruler-corner" />
      <div className="ruler-marker ruler-marker-x" />
      <div className="ruler-marker ruler-marker-y" />
    </div>
  );
}

/** Moves the pointer markers on the rulers to screen position (x, y) of the canvas. */
export function moveRulerMarkers(root: HTMLElement | null, x: number, y: number): void {
  const mx = root?.querySelector<HTMLElement>('.ruler-marker-x');
  const my = root?.querySelector<HTMLElement>('.ruler-marker-y');
  if (mx) mx.style.transform = `translateX(${Math.round(x)}px)`;
  if (my) my.style.transform = `translateY(${Math.round(y)}px)`;
}
