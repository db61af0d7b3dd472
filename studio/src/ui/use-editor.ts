// React's view of the framework-free editor: re-render on every editor update.
import { useSyncExternalStore } from 'react';
import type { Editor } from '../editor/editor.ts';
import type { EditorSnapshot } from '../editor/types.ts';

/** The editor's current document and appState; the component re-renders when they change. */
export function useEditorSnapshot(editor: Editor): EditorSnapshot {
  return useSyncExternalStore(editor.subscribe, editor.getSnapshot);
}
