// Pointer input on the map, one code path for mouse, pen and touch (Pointer Events): one pointer
// pans once it moved past a small slop (otherwise it is a tap), two pointers pinch-zoom around
// their midpoint, the wheel zooms to the cursor. Konva's own event system is not used for this:
// the seats are one non-listening shape, and hit-testing goes through the spatial index.
import { pinchView, zoomAt, type Point, type View } from './view.ts';

/** Movement (CSS px) under which a press is a tap, not a pan. */
const TAP_SLOP = 6;
/** Wheel delta → zoom factor: 100 px of wheel ≈ ×1.16. */
const WHEEL_RATE = 0.0015;

export interface GestureTarget {
  getView(): View;
  setView(view: View): void;
  zoomLimits(): readonly [number, number];
  /** A press released without moving: select the seat under `p` (element coordinates). */
  tap(p: Point): void;
  /** The mouse moved over `p`, or left (null). */
  hover(p: Point | null): void;
}

/**
 * Listens on `el` until the returned function is called.
 * @example const detach = attachGestures(container, target);
 */
export function attachGestures(el: HTMLElement, target: GestureTarget): () => void {
  const pointers = new Map<number, Point>();
  let moved = false;
  let start: Point | undefined;
  const local = (e: { clientX: number; clientY: number }): Point => {
    const box = el.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };

  const down = (e: PointerEvent) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    el.setPointerCapture?.(e.pointerId);
    pointers.set(e.pointerId, local(e));
    if (pointers.size === 1) {
      moved = false;
      start = local(e);
    } else moved = true; // a second finger turns the gesture into a pinch, never a tap
  };
  const move = (e: PointerEvent) => {
    const p = local(e);
    const last = pointers.get(e.pointerId);
    if (!last) {
      if (e.pointerType === 'mouse') target.hover(p);
      return;
    }
    if (pointers.size === 1) {
      if (!moved && start && Math.hypot(p.x - start.x, p.y - start.y) < TAP_SLOP) return;
      moved = true;
      const view = target.getView();
      target.setView({ ...view, x: view.x + p.x - last.x, y: view.y + p.y - last.y });
    } else if (pointers.size === 2) {
      const ids = [...pointers.keys()];
      const at = (id: number) => (id === e.pointerId ? p : (pointers.get(id) as Point));
      const before = ids.map((id) => pointers.get(id) as Point) as [Point, Point];
      const after = ids.map(at) as [Point, Point];
      target.setView(pinchView(target.getView(), before, after, target.zoomLimits()));
    }
    pointers.set(e.pointerId, p);
  };
  const up = (e: PointerEvent) => {
    if (!pointers.delete(e.pointerId)) return;
    if (pointers.size === 0 && !moved && e.type === 'pointerup') target.tap(local(e));
  };
  const wheel = (e: WheelEvent) => {
    e.preventDefault();
    const factor = Math.exp(-e.deltaY * WHEEL_RATE);
    target.setView(zoomAt(target.getView(), local(e), factor, target.zoomLimits()));
  };
  const leave = () => target.hover(null);

  el.addEventListener('pointerdown', down);
  el.addEventListener('pointermove', move);
  el.addEventListener('pointerup', up);
  el.addEventListener('pointercancel', up);
  el.addEventListener('pointerleave', leave);
  el.addEventListener('wheel', wheel, { passive: false });
  return () => {
    el.removeEventListener('pointerdown', down);
    el.removeEventListener('pointermove', move);
    el.removeEventListener('pointerup', up);
    el.removeEventListener('pointercancel', up);
    el.removeEventListener('pointerleave', leave);
    el.removeEventListener('wheel', wheel);
  };
}
