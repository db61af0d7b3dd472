// Pointer, wheel and touch input on the canvas element. Panning (space-drag, middle button,
// two fingers, wheel) and zooming move the camera with NEVER updates; everything else becomes
// a world-space ToolPointer for the active tool.
import { useEffect, useRef, type RefObject } from 'react';
import type { Editor } from '../editor/editor.ts';
import { zoomAbout } from '../editor/actions/action-view.ts';
import type { ToolPointer } from '../editor/tool.ts';
import type { Camera } from '../editor/types.ts';
import { cameraAfterPan, cameraAfterWheel } from './camera-input.ts';
import { screenToWorld } from './viewport.ts';

const DOUBLE_CLICK_MS = 350;

interface Gesture {
  panning: { x: number; y: number } | null;
  touches: Map<number, { x: number; y: number }>;
  lastClick: { t: number; x: number; y: number } | null;
}

function setCamera(editor: Editor, camera: Camera): void {
  editor.apply({ appState: { camera }, captureUpdate: 'NEVER' });
}

function toolPointer(editor: Editor, e: PointerEvent, rect: DOMRect, double: boolean): ToolPointer {
  const raw = screenToWorld(editor.appState.camera, e.clientX - rect.left, e.clientY - rect.top);
  const touch = e.pointerType === 'touch';
  return { point: editor.snap(raw), raw, shiftKey: e.shiftKey, altKey: e.altKey, double, touch };
}

function pinch(editor: Editor, g: Gesture, id: number, next: { x: number; y: number }): void {
  const [a, b] = [...g.touches.entries()];
  if (!a || !b) return;
  const other = a[0] === id ? b[1] : a[1];
  const prev = g.touches.get(id) ?? next;
  const before = Math.hypot(prev.x - other.x, prev.y - other.y) || 1;
  const after = Math.hypot(next.x - other.x, next.y - other.y) || 1;
  const mid = { x: (next.x + other.x) / 2, y: (next.y + other.y) / 2 };
  const panned = cameraAfterPan(
    editor.appState.camera,
    (next.x - prev.x) / 2,
    (next.y - prev.y) / 2,
  );
  setCamera(editor, zoomAbout(panned, after / before, mid.x, mid.y));
}

/**
 * Wires input on `ref`'s element to `editor`; `spaceHeld` is true while Space is down;
 * `onCursor` hears the pointer's world position (for the coordinates readout).
 */
export function useCanvasInput(
  ref: RefObject<HTMLDivElement | null>,
  editor: Editor,
  spaceHeld: RefObject<boolean>,
  onCursor: (world: { x: number; y: number }) => void,
): void {
  const gesture = useRef<Gesture>({ panning: null, touches: new Map(), lastClick: null });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const g = gesture.current;
    const local = (e: PointerEvent | WheelEvent) => {
      const r = el.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const down = (e: PointerEvent) => {
      if (onOverlayUi(e)) return;
      el.setPointerCapture(e.pointerId);
      el.focus({ preventScroll: true });
      if (e.pointerType === 'touch') g.touches.set(e.pointerId, local(e));
      if (e.button === 1 || spaceHeld.current || g.touches.size >= 2) {
        e.preventDefault();
        editor.tool.cancel(editor);
        g.panning = local(e);
        return;
      }
      if (e.button !== 0) return;
      const p = local(e);
      const last = g.lastClick;
      const double =
        !!last &&
        e.timeStamp - last.t < DOUBLE_CLICK_MS &&
        Math.hypot(p.x - last.x, p.y - last.y) < 5;
      g.lastClick = double ? null : { t: e.timeStamp, ...p };
      editor.pointerDown(toolPointer(editor, e, el.getBoundingClientRect(), double));
    };
    const move = (e: PointerEvent) => {
      if (onOverlayUi(e)) return;
      const p = local(e);
      onCursor(screenToWorld(editor.appState.camera, p.x, p.y));
      if (e.pointerType === 'touch' && g.touches.size >= 2) {
        pinch(editor, g, e.pointerId, p);
        g.touches.set(e.pointerId, p);
        return;
      }
      if (g.touches.has(e.pointerId)) g.touches.set(e.pointerId, p);
      if (e.buttons === 0 && e.pointerType === 'mouse') {
        const pointer = toolPointer(editor, e, el.getBoundingClientRect(), false);
        const cursor = editor.tool.cursorAt?.(editor, pointer) ?? '';
        if (el.style.getPropertyValue('--hover-cursor') !== cursor)
          el.style.setProperty('--hover-cursor', cursor);
      }
      if (g.panning) {
        setCamera(
          editor,
          cameraAfterPan(editor.appState.camera, p.x - g.panning.x, p.y - g.panning.y),
        );
        g.panning = p;
        return;
      }
      editor.pointerMove(toolPointer(editor, e, el.getBoundingClientRect(), false));
    };
    const up = (e: PointerEvent) => {
      if (onOverlayUi(e)) return;
      g.touches.delete(e.pointerId);
      if (g.panning) {
        if (g.touches.size === 0) g.panning = null;
        return;
      }
      if (e.button === 0)
        editor.pointerUp(toolPointer(editor, e, el.getBoundingClientRect(), false));
    };
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      setCamera(
        editor,
        cameraAfterWheel(editor.appState.camera, { ...wheelFields(e), ...local(e) }),
      );
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    el.addEventListener('wheel', wheel, { passive: false });
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      el.removeEventListener('wheel', wheel);
    };
  }, [ref, editor, spaceHeld, onCursor]);
}

/** Controls drawn over the canvas (the minimap) handle their own pointer input. */
function onOverlayUi(e: PointerEvent): boolean {
  return e.target instanceof Element && e.target.closest('[data-canvas-ui]') !== null;
}

function wheelFields(e: WheelEvent) {
  return {
    deltaX: e.deltaX,
    deltaY: e.deltaY,
    deltaMode: e.deltaMode,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    shiftKey: e.shiftKey,
  };
}
