// Registered actions (excalidraw's actions/register.ts): every command of the studio is one
// object with a name, an accessible label, an optional shortcut and a pure perform(). Buttons,
// menus, shortcuts and tests all go through the same objects.
import type { SeatmapDocument } from '@parterre/seatmaps';
import type { Scene } from './scene.ts';
import type { ActionResult, AppState } from './types.ts';

/** What perform() sees: the current document and state, and the derived scene. */
export interface ActionContext {
  readonly document: SeatmapDocument;
  readonly appState: AppState;
  readonly scene: Scene;
}

/** The parts of a key event shortcuts look at (DOM KeyboardEvent fits). */
export interface KeyInput {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  readonly mod: boolean;
}

export interface Action<V = void> {
  readonly name: string;
  /** Accessible name and menu text. */
  readonly label: string;
  /** Human-readable shortcut shown in tooltips, e.g. "Ctrl+D". */
  readonly shortcut?: string;
  /** Whether a key press triggers this action. */
  readonly keyTest?: (key: KeyInput, appState: AppState) => boolean;
  /** The value a triggering key press runs the action with (default: undefined). */
  readonly fromKey?: (key: KeyInput) => V;
  /** The new document/state, or `false` when the action does not apply. Never throws on bad input. */
  perform(ctx: ActionContext, value: V): ActionResult | false;
}

const registry = new Map<string, Action<never>>();

/**
 * Adds an action to the registry (its shortcut becomes active) and returns it.
 * @example export const actionDelete = register({ name: 'delete', label: 'Delete', perform })
 */
export function register<V>(action: Action<V>): Action<V> {
  if (registry.has(action.name)) throw new Error(`action "${action.name}" is registered twice`);
  registry.set(action.name, action as Action<never>);
  return action;
}

/** Every registered action with a key test, for the shortcut dispatcher. */
export function shortcutActions(): Action<unknown>[] {
  return [...registry.values()].filter((a) => a.keyTest) as Action<unknown>[];
}
