// Opens a seat map from the engine: loading, error (with retry) and then the editor with
// autosave bound to the map's draft version.
import { useEffect, useState } from 'react';
import { Autosave } from '../api/autosave.ts';
import type { ApiClient } from '../api/client.ts';
import { getSeatmap, type SeatmapVersion } from '../api/seatmaps-api.ts';
import { openDocument } from '../editor/document-io.ts';
import { Editor } from '../editor/editor.ts';
import { EditorScreen } from './EditorScreen.tsx';

type Loaded = { editor: Editor; autosave: Autosave; versions: readonly SeatmapVersion[] };

export function MapLoader({
  api,
  mapId,
  onExit,
}: {
  api: ApiClient;
  mapId: string;
  onExit: () => void;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    let made: Loaded | null = null;
    setError(null);
    getSeatmap(api, mapId)
      .then((record) => {
        if (cancelled) return;
        const opened = openDocument(record.document);
        if (!opened.ok) throw new Error(opened.message);
        const editor = new Editor(opened.document);
        made = {
          editor,
          autosave: new Autosave(editor, api, record.id, record.draftVersion),
          versions: record.versions,
        };
        setLoaded(made);
      })
      .catch((err: Error) => !cancelled && setError(err.message));
    return () => {
      cancelled = true;
      made?.autosave.dispose();
    };
  }, [api, mapId, attempt]);
  if (error) {
    return (
      <div className="center-screen">
        <div className="card" role="alert">
          <h1>Cannot open this seat map</h1>
          <p>{error}</p>
          <button type="button" className="primary" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
          <button type="button" onClick={onExit}>
            Back
          </button>
        </div>
      </div>
    );
  }
  if (!loaded) {
    return (
      <div className="center-screen" role="status" aria-busy="true">
        Opening seat map…
      </div>
    );
  }
  return (
    <EditorScreen
      editor={loaded.editor}
      api={api}
      autosave={loaded.autosave}
      versions={loaded.versions}
      onExit={onExit}
    />
  );
}
