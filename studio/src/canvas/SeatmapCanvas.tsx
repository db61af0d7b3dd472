// The drawing surface: a react-konva Stage whose position and scale are the editor's camera,
// with three non-listening layers — background grid, the plan (elements + all seats in one
// Shape), and the overlay (selection, tool preview). Input is handled on the container element.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { Layer, Stage } from 'react-konva';
import { actionZoomToFit } from '../editor/actions/action-view.ts';
import type { Editor } from '../editor/editor.ts';
import { useEditorSnapshot } from '../ui/use-editor.ts';
import { BackgroundImage } from './BackgroundImage.tsx';
import { ElementsLayer } from './ElementsLayer.tsx';
import { GridShape } from './GridShape.tsx';
import { Minimap } from './Minimap.tsx';
import { OverlayLayer } from './OverlayLayer.tsx';
import { moveRulerMarkers, Rulers } from './Rulers.tsx';
import { SeatsShape } from './SeatsShape.tsx';
import { useCanvasInput } from './use-canvas-input.ts';
import { visibleWorld } from './viewport.ts';

interface Props {
  readonly editor: Editor;
  readonly spaceHeld: RefObject<boolean>;
}

/** Marks the first draw after the canvas opened a plan, for the render benchmark and tests. */
function markDrawn(drawn: { current: boolean }): void {
  if (drawn.current) return;
  drawn.current = true;
  performance.mark('parterre:seats-drawn');
}

export function SeatmapCanvas({ editor, spaceHeld }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const { document: doc, appState } = useEditorSnapshot(editor);
  const drawn = useRef(false);
  const coords = useRef<HTMLOutputElement>(null);
  const onCursor = useCallback(
    (p: { x: number; y: number }) => {
      // Written straight to the DOM: a React render per pointer move would cost more than it shows.
      if (coords.current)
        coords.current.textContent = `x ${Math.round(p.x)} · y ${Math.round(p.y)}`;
      const { camera } = editor.appState;
      moveRulerMarkers(ref.current, p.x * camera.zoom + camera.x, p.y * camera.zoom + camera.y);
    },
    [editor],
  );
  useCanvasInput(ref, editor, spaceHeld, onCursor);
  // The editor learns the image's size only here: the document stores its URL and placement.
  const onBackgroundSize = useCallback(
    (backgroundSize: { url: string; width: number; height: number }) =>
      editor.apply({ appState: { backgroundSize }, captureUpdate: 'NEVER' }),
    [editor],
  );

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let fitted = false;
    const observer = new ResizeObserver(() => {
      const viewport = { width: el.clientWidth, height: el.clientHeight };
      setSize(viewport);
      editor.apply({ appState: { viewport }, captureUpdate: 'NEVER' });
      if (!fitted) editor.run(actionZoomToFit, undefined);
      fitted = true;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [editor]);

  const { camera, activeLevel } = appState;
  const view = size ? visibleWorld(camera, size.width, size.height) : null;
  return (
    <div
      ref={ref}
      className="canvas"
      role="application"
      aria-label="Seat map canvas"
      tabIndex={0}
      data-tool={appState.tool}
      data-zoom={camera.zoom}
      data-camera-x={camera.x}
      data-camera-y={camera.y}
      // Guide lines of the object snap in effect (tests read it; the lines are drawn on canvas).
      data-snap-guides={appState.snapGuides.length}
      // --hover-cursor is written by the input hook over handles (no React render per move).
      style={{ cursor: appState.tool === 'select' ? 'var(--hover-cursor, default)' : 'crosshair' }}
    >
      {size && view && (
        <Stage
          width={size.width}
          height={size.height}
          x={camera.x}
          y={camera.y}
          scaleX={camera.zoom}
          scaleY={camera.zoom}
          listening={false}
        >
          <Layer listening={false}>
            <GridShape
              view={view}
              zoom={camera.zoom}
              gridSize={appState.gridSize}
              showGrid={appState.showGrid}
              size={doc.size}
            />
            {doc.background && (
              <BackgroundImage background={doc.background} onSize={onBackgroundSize} />
            )}
          </Layer>
          <Layer listening={false}>
            <ElementsLayer document={doc} level={activeLevel} zoom={camera.zoom} />
            <SeatsShape
              document={doc}
              level={activeLevel}
              view={view}
              zoom={camera.zoom}
              onDrawn={() => markDrawn(drawn)}
            />
          </Layer>
          <Layer listening={false}>
            <OverlayLayer
              document={doc}
              selectedIds={appState.selectedIds}
              preview={appState.preview}
              view={view}
              zoom={camera.zoom}
              camera={camera}
              guides={appState.snapGuides}
              handles={appState.tool === 'select'}
              editingPoints={appState.editingPoints}
              selectedVertex={appState.selectedVertex}
            />
          </Layer>
        </Stage>
      )}
      {size && <Rulers camera={camera} width={size.width} height={size.height} />}
      <output ref={coords} className="coords" aria-label="Pointer position" />
      {size && (
        <Minimap
          editor={editor}
          document={doc}
          level={activeLevel}
          camera={camera}
          viewport={size}
        />
      )}
    </div>
  );
}
