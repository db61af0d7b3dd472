// The framework-free heart of the studio: holds the document and appState, runs actions, records
// history and routes input to the active tool. React subscribes with useSyncExternalStore; tests
// drive it directly (see test-editor.ts).
import type { LevelId, Point, SeatmapDocument } from '@parterre/seatmaps';
import type { Action, KeyInput } from './action.ts';
import { shortcutActions } from './action.ts';
import { elementIndex } from './element-index.ts';
import { polygonOf } from './handles.ts';
import { History } from './history.ts';
import { sceneOf, type Scene } from './scene.ts';
import type { Tool, ToolPointer } from './tool.ts';
import './actions/index.ts';
import { createTools } from './tools/index.ts';
import type { ActionResult, AppState, EditorSnapshot, Preview, ToolId } from './types.ts';

/** appState for a freshly opened document. */
export function initialAppState(doc: SeatmapDocument): AppState {
  return {
    selectedIds: [],
    tool: 'select',
    camera: { x: 0, y: 0, zoom: 1 },
    activeLevel: (doc.levels[0]?.id ?? 'main') as LevelId,
    gridSize: 10,
    snapToGrid: true,
    snapToObjects: true,
    snapGuides: [],
    backgroundSize: null,
    showGrid: true,
    preview: null,
    brushCategory: doc.categories[0]?.key ?? null,
    clipboard: null,
    editingPoints: null,
    selectedVertex: null,
    viewport: { width: 1280, height: 720 },
  };
}

export class Editor {
  private snapshot: EditorSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly tools: Readonly<Record<ToolId, Tool>> = createTools();
  readonly history = new History();

  constructor(document: SeatmapDocument, appState: Partial<AppState> = {}) {
    this.snapshot = { document, appState: { ...initialAppState(document), ...appState } };
  }

  get document(): SeatmapDocument {
    return this.snapshot.document;
  }

  get appState(): AppState {
    return this.snapshot.appState;
  }

  get scene(): Scene {
    return sceneOf(this.snapshot.document);
  }

  get tool(): Tool {
    return this.tools[this.appState.tool];
  }

  /** The current document and state as one immutable object (stable between updates). */
  getSnapshot = (): EditorSnapshot => this.snapshot;

  /** Calls `listener` after every update; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Applies an update and records it in history as its `captureUpdate` says. */
  apply(result: ActionResult): void {
    const nextTool = result.appState?.tool;
    // Leaving a tool abandons its gesture (a half-drawn polygon must not come back later).
    if (nextTool && nextTool !== this.appState.tool) this.tool.cancel(this);
    const before = this.snapshot;
    const document = result.document ?? before.document;
    let appState = result.appState ? { ...before.appState, ...result.appState } : before.appState;
    if (document !== before.document) appState = pruneSelection(document, appState);
    if (appState.editingPoints !== null && !appState.selectedIds.includes(appState.editingPoints))
      appState = { ...appState, editingPoints: null, selectedVertex: null };
    this.history.record(before.document, document, result.captureUpdate);
    if (document === before.document && appState === before.appState) return;
    this.snapshot = { document, appState };
    for (const l of this.listeners) l();
  }

  /**
   * Runs an action; returns false when it did not apply.
   * @example editor.run(actionAssignCategory, 'VIP')
   */
  run<V>(action: Action<V>, value: V): boolean {
    const result = action.perform(
      { document: this.document, appState: this.appState, scene: this.scene },
      value,
    );
    if (!result) return false;
    this.apply(result);
    return true;
  }

  undo(): boolean {
    this.tool.cancel(this);
    const doc = this.history.undo(this.document);
    if (doc) this.apply({ document: doc, captureUpdate: 'NEVER' });
    return doc !== null;
  }

  redo(): boolean {
    this.tool.cancel(this);
    const doc = this.history.redo(this.document);
    if (doc) this.apply({ document: doc, captureUpdate: 'NEVER' });
    return doc !== null;
  }

  /** Replaces the document (open, reload): history starts afresh. */
  load(document: SeatmapDocument): void {
    this.tool.cancel(this);
    this.history.clear();
    // The background's size is kept: the canvas does not reload an image whose URL is unchanged.
    const { viewport, clipboard, backgroundSize } = this.appState;
    const appState = { ...initialAppState(document), viewport, clipboard, backgroundSize };
    this.snapshot = { document, appState };
    for (const l of this.listeners) l();
  }

  setTool(tool: ToolId): void {
    if (tool === this.appState.tool) return;
    this.tool.cancel(this);
    this.apply({ appState: { tool, preview: null }, captureUpdate: 'NEVER' });
  }

  setPreview(preview: Preview | null): void {
    this.apply({ appState: { preview }, captureUpdate: 'NEVER' });
  }

  /** Snaps a world point to the grid when snapping is on. */
  snap(p: Point): Point {
    const { snapToGrid, gridSize } = this.appState;
    if (!snapToGrid) return p;
    return { x: Math.round(p.x / gridSize) * gridSize, y: Math.round(p.y / gridSize) * gridSize };
  }

  pointerDown(e: ToolPointer): void {
    this.tool.onPointerDown?.(this, e);
  }

  pointerMove(e: ToolPointer): void {
    this.tool.onPointerMove?.(this, e);
  }

  pointerUp(e: ToolPointer): void {
    this.tool.onPointerUp?.(this, e);
  }

  /** Routes a key press: the tool first (Enter closes a polygon), then undo/redo, then actions. */
  key(input: KeyInput): boolean {
    if (input.key === 'Escape') {
      this.tool.cancel(this);
      if (this.appState.editingPoints !== null) {
        this.apply({
          appState: { editingPoints: null, selectedVertex: null },
          captureUpdate: 'NEVER',
        });
        return true;
      }
      this.setTool('select');
      return true;
    }
    if (this.tool.onKey?.(this, input.key)) return true;
    const k = input.key.toLowerCase();
    if (input.mod && k === 'z') return input.shiftKey ? this.redo() : this.undo();
    if (input.mod && k === 'y') return this.redo();
    const action = shortcutActions().find((a) => a.keyTest?.(input, this.appState));
    return action ? this.run(action, action.fromKey?.(input)) : false;
  }
}

function pruneSelection(doc: SeatmapDocument, appState: AppState): AppState {
  const ids = appState.selectedIds;
  if (appState.editingPoints !== null) {
    const poly = polygonOf(doc, appState.editingPoints);
    if (!poly) appState = { ...appState, editingPoints: null, selectedVertex: null };
    else if ((appState.selectedVertex ?? -1) >= poly.points.length)
      appState = { ...appState, selectedVertex: null };
  }
  if (ids.length === 0) return appState;
  const refs = elementIndex(doc);
  const kept = ids.filter((id) => refs.has(id));
  return kept.length === ids.length ? appState : { ...appState, selectedIds: kept };
}
