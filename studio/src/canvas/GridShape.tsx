// The background: the document's canvas area and a grid whose step grows when zoomed out so
// lines never come closer than ~8 px. One Shape, drawn straight on the context.
import type { Context } from 'konva/lib/Context';
import { Shape } from 'react-konva';
import type { Bounds, Size } from '@parterre/seatmaps';

interface Props {
  readonly view: Bounds;
  readonly zoom: number;
  readonly gridSize: number;
  readonly showGrid: boolean;
  readonly size: Size;
}

const MIN_STEP_PX = 8;

export function GridShape({ view, zoom, gridSize, showGrid, size }: Props) {
  const draw = (konvaCtx: Context) => {
    const ctx = konvaCtx._context;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.lineWidth = 1 / zoom;
    ctx.strokeStyle = '#ced4da';
    ctx.strokeRect(0, 0, size.width, size.height);
    if (!showGrid) return;
    let step = gridSize;
    while (step * zoom < MIN_STEP_PX) step *= 5;
    ctx.strokeStyle = '#f1f3f5';
    ctx.beginPath();
    for (let x = Math.floor(view.minX / step) * step; x <= view.maxX; x += step) {
      ctx.moveTo(x, view.minY);
      ctx.lineTo(x, view.maxY);
    }
    for (let y = Math.floor(view.minY / step) * step; y <= view.maxY; y += step) {
      ctx.moveTo(view.minX, y);
      ctx.lineTo(view.maxX, y);
    }
    ctx.stroke();
  };
  return <Shape sceneFunc={draw} listening={false} perfectDrawEnabled={false} />;
}
