// The bar above the canvas: plan name, levels, undo/redo, save state, publish and export.
import { useState } from 'react';
import { exportPretix } from '@parterre/seatmaps';
import type { Autosave } from '../api/autosave.ts';
import type { ApiClient } from '../api/client.ts';
import { publishSeatmap, type SeatmapVersion } from '../api/seatmaps-api.ts';
import { serializeDocument } from '../editor/document-io.ts';
import type { Editor } from '../editor/editor.ts';
import type { EditorSnapshot } from '../editor/types.ts';
import { downloadJson } from './download.ts';
import { LevelTabs } from './LevelTabs.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';

interface Props {
  readonly editor: Editor;
  readonly snapshot: EditorSnapshot;
  readonly api: ApiClient | null;
  readonly autosave: Autosave | null;
  /** Published versions when the plan was opened, oldest first. */
  readonly versions: readonly SeatmapVersion[];
  readonly onExit: () => void;
}

function Versions({ versions }: { versions: readonly SeatmapVersion[] }) {
  if (versions.length === 0) return <span className="versions">Never published</span>;
  return (
    <details className="versions">
      <summary>
        Published v{versions[versions.length - 1]?.version} ({versions.length})
      </summary>
      <ul>
        {[...versions].reverse().map((v) => (
          <li key={v.version}>
            v{v.version} · {v.seatCount.toLocaleString('en')} seats ·{' '}
            {new Date(v.publishedAt).toLocaleString()}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function TopBar({ editor, snapshot, api, autosave, versions, onExit }: Props) {
  const { document: doc, appState } = snapshot;
  const [notice, setNotice] = useState<string | null>(null);
  const [published, setPublished] = useState(versions);
  const publish = async () => {
    if (!api || !autosave) return;
    setNotice('Publishing…');
    try {
      await autosave.saveNow();
      const { version } = await publishSeatmap(api, autosave.mapId);
      setNotice(`Published as version ${version}`);
      const seatCount = editor.scene.seatCount;
      setPublished((v) => [...v, { version, seatCount, publishedAt: new Date().toISOString() }]);
    } catch (err) {
      setNotice(`Not published: ${(err as Error).message}`);
    }
  };
  const file = doc.name.replace(/[^\w-]+/g, '-').toLowerCase();
  return (
    <header className="topbar">
      <button type="button" onClick={onExit} aria-label="Back to seat maps">
        ←
      </button>
      <strong className="plan-name">{doc.name}</strong>
      <LevelTabs editor={editor} document={doc} active={appState.activeLevel} />
      <span className="spacer" />
      <button
        type="button"
        onClick={() => editor.undo()}
        disabled={!editor.history.canUndo}
        aria-label="Undo"
        title="Undo — Ctrl+Z"
      >
        ↶
      </button>
      <button
        type="button"
        onClick={() => editor.redo()}
        disabled={!editor.history.canRedo}
        aria-label="Redo"
        title="Redo — Ctrl+Shift+Z"
      >
        ↷
      </button>
      {autosave ? (
        <SaveIndicator autosave={autosave} />
      ) : (
        <span className="save">Local file (not saved to the engine)</span>
      )}
      <button type="button" onClick={() => downloadJson(`${file}.json`, serializeDocument(doc))}>
        Export JSON
      </button>
      <button
        type="button"
        onClick={() => downloadJson(`${file}-pretix.json`, exportPretix(doc).plan)}
      >
        Export pretix
      </button>
      {autosave && <Versions versions={published} />}
      {autosave && (
        <button type="button" className="primary" onClick={publish}>
          Publish
        </button>
      )}
      {notice && (
        <span className="notice" role="status">
          {notice}
        </span>
      )}
    </header>
  );
}
