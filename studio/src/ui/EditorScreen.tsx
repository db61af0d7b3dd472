// The designer: tools on the left, canvas in the middle, inspector, categories and problems on
// the right. Keyboard shortcuts go to the editor unless a form field has focus.
import { useEffect, useRef, useState } from 'react';
import type { Autosave } from '../api/autosave.ts';
import type { ApiClient } from '../api/client.ts';
import type { SeatmapVersion } from '../api/seatmaps-api.ts';
import { SeatmapCanvas } from '../canvas/SeatmapCanvas.tsx';
import type { Editor } from '../editor/editor.ts';
import { CategoriesPanel } from './CategoriesPanel.tsx';
import { Inspector } from './Inspector.tsx';
import { StatusBar } from './StatusBar.tsx';
import { Toolbar } from './Toolbar.tsx';
import { TopBar } from './TopBar.tsx';
import { useEditorSnapshot } from './use-editor.ts';
import { ValidationPanel } from './ValidationPanel.tsx';
import './designer.css';

/** Tablet-sized windows open with the side panels folded away, leaving the canvas the room. */
const narrow = () =>
  typeof window !== 'undefined' && window.matchMedia?.('(max-width: 1100px)').matches === true;

interface Props {
  readonly editor: Editor;
  readonly api: ApiClient | null;
  readonly autosave: Autosave | null;
  readonly versions?: readonly SeatmapVersion[];
  readonly onExit: () => void;
}

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

function useShortcuts(editor: Editor, spaceHeld: { current: boolean }): void {
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      if (e.key === ' ') {
        spaceHeld.current = true;
        e.preventDefault();
        return;
      }
      const handled = editor.key({
        key: e.key,
        shiftKey: e.shiftKey,
        altKey: e.altKey,
        mod: e.ctrlKey || e.metaKey,
      });
      if (handled) e.preventDefault();
    };
    const up = (e: KeyboardEvent) => {
      if (e.key === ' ') spaceHeld.current = false;
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, [editor, spaceHeld]);
}

export function EditorScreen({ editor, api, autosave, versions = [], onExit }: Props) {
  const snapshot = useEditorSnapshot(editor);
  const spaceHeld = useRef(false);
  useShortcuts(editor, spaceHeld);
  const { document: doc, appState } = snapshot;
  const [panelsOpen, setPanelsOpen] = useState(() => !narrow());
  return (
    <div className={panelsOpen ? 'studio' : 'studio panels-closed'}>
      <TopBar
        editor={editor}
        snapshot={snapshot}
        api={api}
        autosave={autosave}
        versions={versions}
        onExit={onExit}
      />
      <Toolbar editor={editor} active={appState.tool} />
      <main className="stage-area">
        <SeatmapCanvas editor={editor} spaceHeld={spaceHeld} />
        <StatusBar
          editor={editor}
          snapshot={snapshot}
          panels={{ open: panelsOpen, toggle: () => setPanelsOpen((open) => !open) }}
        />
      </main>
      <aside className="sidebar" id="designer-panels">
        <Inspector editor={editor} document={doc} selectedIds={appState.selectedIds} />
        <CategoriesPanel
          editor={editor}
          document={doc}
          hasSelection={appState.selectedIds.length > 0}
          brushCategory={appState.brushCategory}
        />
        <ValidationPanel editor={editor} document={doc} />
      </aside>
    </div>
  );
}
