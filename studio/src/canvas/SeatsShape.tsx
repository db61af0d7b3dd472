// All seats of the active level as one Konva Shape on a static, non-listening layer: Konva
// never builds a hit graph for them (hit-testing goes through the seatmaps SeatIndex) and the
// draw is one pass over cached per-section buffers (draw-seats.ts).
import type { Context } from 'konva/lib/Context';
import { Shape } from 'react-konva';
import type { Bounds, SeatmapDocument } from '@parterre/seatmaps';
import { drawSeats } from './draw-seats.ts';

interface Props {
  readonly document: SeatmapDocument;
  readonly level: string;
  readonly view: Bounds;
  readonly zoom: number;
  /** Called after each draw (first-render timing). */
  readonly onDrawn?: () => void;
}

export function SeatsShape({ document, level, view, zoom, onDrawn }: Props) {
  const colors = new Map(document.categories.map((c) => [c.key as string, c.color]));
  const draw = (ctx: Context) => {
    drawSeats(ctx._context, { sections: document.sections, level, view, zoom, colors });
    onDrawn?.();
  };
  return <Shape sceneFunc={draw} listening={false} perfectDrawEnabled={false} />;
}
