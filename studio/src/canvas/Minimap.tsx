// Overview of the whole level in the canvas corner: section hulls in their category colour and
// the camera's view as a rectangle. Click or drag on it to move the view there. A plain 2D canvas:
// a few hundred polygons, redrawn when the plan, the level or the camera changes. It folds away
// (it covers the plan's corner), folded from the start on tablet-sized windows.
import { useEffect, useMemo, useRef, useState } from 'react';
import { unionBounds, type Bounds, type SeatmapDocument } from '@parterre/seatmaps';
import type { Editor } from '../editor/editor.ts';
import { sectionGeometry } from '../editor/section-seats.ts';
import type { Camera } from '../editor/types.ts';
import { UNCATEGORISED } from './draw-seats.ts';
import { visibleWorld } from './viewport.ts';

const WIDTH = 180;
const HEIGHT = 130;

interface Props {
  readonly editor: Editor;
  readonly document: SeatmapDocument;
  readonly level: string;
  readonly camera: Camera;
  readonly viewport: { readonly width: number; readonly height: number };
}

function planBounds(doc: SeatmapDocument): Bounds {
  let b: Bounds | null = { minX: 0, minY: 0, maxX: doc.size.width, maxY: doc.size.height };
  for (const s of doc.sections) b = unionBounds(b, sectionGeometry(s).bounds);
  return b ?? { minX: 0, minY: 0, maxX: 1, maxY: 1 };
}

const narrow = () => typeof window !== 'undefined' && window.innerWidth <= 1100;

export function Minimap(props: Props) {
  const [open, setOpen] = useState(() => !narrow());
  return (
    <div className="minimap-box" data-canvas-ui>
      <button
        type="button"
        className="minimap-toggle"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Hide overview' : 'Overview'}
      </button>
      {open && <MinimapCanvas {...props} />}
    </div>
  );
}

function MinimapCanvas({ editor, document: doc, level, camera, viewport }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const bounds = useMemo(() => planBounds(doc), [doc]);
  const scale = Math.min(WIDTH / (bounds.maxX - bounds.minX), HEIGHT / (bounds.maxY - bounds.minY));
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const colors = new Map(doc.categories.map((c) => [c.key as string, c.color]));
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    ctx.setTransform(scale, 0, 0, scale, -bounds.minX * scale, -bounds.minY * scale);
    for (const s of doc.sections) {
      if (s.level !== level) continue;
      const g = sectionGeometry(s);
      ctx.fillStyle = colors.get(g.mainCategory) ?? UNCATEGORISED;
      ctx.beginPath();
      g.hull.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
      ctx.fill();
    }
    const v = visibleWorld(camera, viewport.width, viewport.height);
    ctx.strokeStyle = '#228be6';
    ctx.lineWidth = 2 / scale;
    ctx.strokeRect(v.minX, v.minY, v.maxX - v.minX, v.maxY - v.minY);
  }, [doc, level, camera, viewport, bounds, scale]);

  const moveTo = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const wx = (e.clientX - r.left) / scale + bounds.minX;
    const wy = (e.clientY - r.top) / scale + bounds.minY;
    const cam = editor.appState.camera;
    const next = {
      ...cam,
      x: viewport.width / 2 - wx * cam.zoom,
      y: viewport.height / 2 - wy * cam.zoom,
    };
    editor.apply({ appState: { camera: next }, captureUpdate: 'NEVER' });
  };
  return (
    <canvas
      ref={ref}
      className="minimap"
      data-canvas-ui
      width={WIDTH}
      height={HEIGHT}
      aria-label="Overview: click to move the view"
      role="img"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => e.buttons === 1 && moveTo(e)}
    />
  );
}
