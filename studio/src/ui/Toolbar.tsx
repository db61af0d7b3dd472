// The tool palette: one button per tool with its accessible name and shortcut key.
import { memo } from 'react';
import type { Editor } from '../editor/editor.ts';
import { TOOLS } from '../editor/tools/index.ts';
import type { ToolId } from '../editor/types.ts';

const ICONS: Readonly<Record<ToolId, string>> = {
  select: '↖',
  section: '⬠',
  straightRow: '•••',
  curvedRow: '◠',
  block: '▦',
  roundTable: '◯',
  rectTable: '▭',
  ga: '▱',
  text: 'T',
  stage: '▬',
  shape: '■',
  brush: '✎',
};

/** Memoised: camera moves re-render the screen, not the panels. */
export const Toolbar = memo(function Toolbar({
  editor,
  active,
}: {
  editor: Editor;
  active: ToolId;
}) {
  return (
    <nav className="toolbar" aria-label="Tools">
      {TOOLS.map((t) => (
        <button
          key={t.id}
          type="button"
          className={t.id === active ? 'tool active' : 'tool'}
          aria-pressed={t.id === active}
          aria-label={`${t.label} (${t.key.toUpperCase()})`}
          title={`${t.label} — ${t.key.toUpperCase()}`}
          aria-keyshortcuts={t.key.toUpperCase()}
          onClick={() => editor.setTool(t.id)}
        >
          <span aria-hidden="true">{ICONS[t.id]}</span>
        </button>
      ))}
    </nav>
  );
});
