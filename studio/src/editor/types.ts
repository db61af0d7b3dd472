// The editor's state besides the document: what is selected, which tool is active, where the
// camera looks. Kept as plain immutable data so actions can return a new one, as excalidraw does.
import type { LevelId, Point, SeatmapDocument } from '@parterre/seatmaps';
import type { RecordSet } from './clone.ts';
import type { SnapGuide } from './snapping.ts';

/** How a scene update is recorded (excalidraw's CaptureUpdateAction). */
export type CaptureUpdate =
  /** A user edit: one undo step of its own, together with pending EVENTUALLY changes. */
  | 'IMMEDIATELY'
  /** Part of a gesture (a drag frame): folded into the next IMMEDIATELY step. */
  | 'EVENTUALLY'
  /** Remote, live or view-only changes: never on the undo stack. */
  | 'NEVER';

export type ToolId =
  | 'select'
  | 'section'
  | 'straightRow'
  | 'curvedRow'
  | 'block'
  | 'roundTable'
  | 'rectTable'
  | 'ga'
  | 'text'
  | 'stage'
  | 'shape'
  | 'brush';

/** Screen = world × zoom + (x, y). */
export interface Camera {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** An in-progress gesture the overlay layer draws (previews, marquee, polygon being drawn). */
export type Preview =
  | { readonly kind: 'marquee'; readonly from: Point; readonly to: Point }
  | { readonly kind: 'seats'; readonly seats: readonly Point[] }
  | { readonly kind: 'polygon'; readonly points: readonly Point[]; readonly cursor: Point | null }
  | { readonly kind: 'rect'; readonly from: Point; readonly to: Point };

export interface AppState {
  /** Ids of selected records: sections, rows, seats, tables, GA areas, shapes or texts. */
  readonly selectedIds: readonly string[];
  readonly tool: ToolId;
  readonly camera: Camera;
  readonly activeLevel: LevelId;
  readonly gridSize: number;
  readonly snapToGrid: boolean;
  /** Whether a moved or resized selection snaps to other objects (Alt turns it off per drag). */
  readonly snapToObjects: boolean;
  /** Guide lines of the object snap in effect during a drag (drawn by the overlay). */
  readonly snapGuides: readonly SnapGuide[];
  /** Size in pixels of the background image at `url`, once the canvas has loaded it (the
   * document does not store it; dragging the image needs it to know where the image is). */
  readonly backgroundSize: {
    readonly url: string;
    readonly width: number;
    readonly height: number;
  } | null;
  readonly showGrid: boolean;
  readonly preview: Preview | null;
  /** Copied records and how many times they were pasted (cut: -1, so the first paste is in place). */
  readonly clipboard: { readonly records: RecordSet; readonly pasted: number } | null;
  /** The category the brush tool paints seats with. */
  readonly brushCategory: string | null;
  /** The polygon (section outline, standing area, shape) whose vertices are being edited. */
  readonly editingPoints: string | null;
  /** The selected vertex of that polygon (Delete removes it). */
  readonly selectedVertex: number | null;
  /** Size of the canvas in CSS pixels, for zoom-to-fit and zooming about the centre. */
  readonly viewport: { readonly width: number; readonly height: number };
}

/** What every action's perform() returns (excalidraw's ActionResult). */
export interface ActionResult {
  readonly document?: SeatmapDocument;
  readonly appState?: Partial<AppState>;
  readonly captureUpdate: CaptureUpdate;
}

/** A document paired with its editor state, as an action sees them. */
export interface EditorSnapshot {
  readonly document: SeatmapDocument;
  readonly appState: AppState;
}
