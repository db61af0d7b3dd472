// Bottom bar: the active tool's hint, seat count, zoom level and zoom buttons.
import {
  actionToggleGrid,
  actionToggleObjectSnap,
  actionToggleSnap,
  actionZoomIn,
  actionZoomOut,
  actionZoomToFit,
} from '../editor/actions/action-view.ts';
import type { Editor } from '../editor/editor.ts';
import { TOOLS } from '../editor/tools/index.ts';
import type { EditorSnapshot } from '../editor/types.ts';

interface Props {
  readonly editor: Editor;
  readonly snapshot: EditorSnapshot;
  /** Whether the side panels are shown, and how to fold them (tablets). */
  readonly panels?: { readonly open: boolean; readonly toggle: () => void };
}

export function StatusBar({ editor, snapshot, panels }: Props) {
  const { appState } = snapshot;
  const hint = TOOLS.find((t) => t.id === appState.tool)?.hint ?? '';
  return (
    <footer className="statusbar">
      <span className="hint">{hint}</span>
      <span className="spacer" />
      <span data-testid="seat-count">{editor.scene.seatCount.toLocaleString('en')} seats</span>
      <label className="check">
        <input
          type="checkbox"
          checked={appState.showGrid}
          onChange={() => editor.run(actionToggleGrid, undefined)}
        />{' '}
        Grid
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={appState.snapToGrid}
          onChange={() => editor.run(actionToggleSnap, undefined)}
        />{' '}
        Snap
      </label>
      <label
        className="check"
        title="Snap to other objects — Shift+O (hold Alt while dragging to skip)"
      >
        <input
          type="checkbox"
          checked={appState.snapToObjects}
          onChange={() => editor.run(actionToggleObjectSnap, undefined)}
        />{' '}
        Snap to objects
      </label>
      <button
        type="button"
        aria-label="Zoom out"
        title="Zoom out — −"
        onClick={() => editor.run(actionZoomOut, undefined)}
      >
        −
      </button>
      <span aria-label="Zoom level">{Math.round(appState.camera.zoom * 100)}%</span>
      <button
        type="button"
        aria-label="Zoom in"
        title="Zoom in — +"
        onClick={() => editor.run(actionZoomIn, undefined)}
      >
        +
      </button>
      <button
        type="button"
        aria-label="Zoom to fit"
        title="Zoom to fit — Shift+1"
        onClick={() => editor.run(actionZoomToFit, undefined)}
      >
        Fit
      </button>
      {panels && (
        <button
          type="button"
          className="panels-toggle"
          aria-expanded={panels.open}
          aria-controls="designer-panels"
          onClick={panels.toggle}
        >
          {panels.open ? 'Hide panels' : 'Panels'}
        </button>
      )}
    </footer>
  );
}
