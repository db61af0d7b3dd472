// Straight and curved row tools: drag from the first seat to the last. The curved row bends
// around the focal point (the stage), like theatre rows; its radius can be changed afterwards in
// the inspector.
import {
  arcRowPositions,
  straightRowPositions,
  type ArcRowGeneratorInput,
  type Point,
  type StraightRowGeneratorInput,
} from '@parterre/seatmaps';
import { actionAddRow } from '../actions/action-add-row.ts';
import type { Editor } from '../editor.ts';
import type { Preview } from '../types.ts';
import { DragTool } from './drag-tool.ts';

/** Default seat pitch: a little more than seatmaps' MIN_SEAT_SPACING. */
export const SEAT_SPACING = 25;
/** A curved row's radius relative to its chord: larger is flatter. */
const RADIUS_PER_CHORD = 1.2;
const DEG = 180 / Math.PI;

/** A straight row from `a` towards `b`, or null when the drag is shorter than one seat. */
export function straightRowFromDrag(a: Point, b: Point): StraightRowGeneratorInput | null {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const count = Math.floor(length / SEAT_SPACING) + 1;
  if (count < 2) return null;
  const angle = Math.round(Math.atan2(b.y - a.y, b.x - a.x) * DEG * 100) / 100;
  return { kind: 'straight', start: a, count, spacing: SEAT_SPACING, angle };
}

/** An arc through `a` and `b` bulging away from `focal`, or null for a too-short drag. */
export function arcRowFromDrag(a: Point, b: Point, focal: Point): ArcRowGeneratorInput | null {
  const chord = Math.hypot(b.x - a.x, b.y - a.y);
  if (chord < SEAT_SPACING) return null;
  const radius = chord * RADIUS_PER_CHORD;
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  let n = { x: -(b.y - a.y) / chord, y: (b.x - a.x) / chord };
  if ((focal.x - mid.x) * n.x + (focal.y - mid.y) * n.y < 0) n = { x: -n.x, y: -n.y };
  const h = Math.sqrt(radius * radius - (chord / 2) ** 2);
  const center = { x: Math.round(mid.x + n.x * h), y: Math.round(mid.y + n.y * h) };
  const midAngle = Math.round(Math.atan2(mid.y - center.y, mid.x - center.x) * DEG * 100) / 100;
  const arcLength = 2 * radius * Math.asin(chord / (2 * radius));
  const count = Math.floor(arcLength / SEAT_SPACING) + 1;
  return {
    kind: 'arc',
    center,
    radius: Math.round(radius),
    count,
    spacing: SEAT_SPACING,
    midAngle,
  };
}

export class StraightRowTool extends DragTool {
  readonly id = 'straightRow' as const;

  protected preview(_editor: Editor, from: Point, to: Point): Preview | null {
    const g = straightRowFromDrag(from, to);
    return g && { kind: 'seats', seats: straightRowPositions(g) };
  }

  protected commit(editor: Editor, from: Point, to: Point): void {
    const g = straightRowFromDrag(from, to);
    if (g) editor.run(actionAddRow, g);
  }
}

export class CurvedRowTool extends DragTool {
  readonly id = 'curvedRow' as const;

  protected preview(editor: Editor, from: Point, to: Point): Preview | null {
    const g = arcRowFromDrag(from, to, editor.document.focalPoint);
    return g && { kind: 'seats', seats: arcRowPositions(g) };
  }

  protected commit(editor: Editor, from: Point, to: Point): void {
    const g = arcRowFromDrag(from, to, editor.document.focalPoint);
    if (g) editor.run(actionAddRow, g);
  }
}
