// Where the traced background image lies, for dragging it with the select tool. The document
// keeps its URL, position and scale; its pixel size comes from the canvas once it has loaded
// the image (appState.backgroundSize, matched by URL so a stale size never applies).
import type { Point } from '@parterre/seatmaps';
import type { Editor } from '../editor.ts';

/**
 * Whether world point `p` is on the background image and the image may be dragged (unlocked).
 * @example if (onUnlockedBackground(editor, e.raw)) startDraggingTheImage()
 */
export function onUnlockedBackground(editor: Editor, p: Point): boolean {
  const bg = editor.document.background;
  const size = editor.appState.backgroundSize;
  if (!bg || bg.locked || !size || size.url !== bg.url) return false;
  return (
    p.x >= bg.x &&
    p.x <= bg.x + size.width * bg.scale &&
    p.y >= bg.y &&
    p.y <= bg.y + size.height * bg.scale
  );
}
