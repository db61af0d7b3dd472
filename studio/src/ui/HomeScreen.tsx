// Start here: the organisation's seat maps (open one, or see its published versions), a new
// plan, one by id, a pretix import or a Parterre JSON file.
import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { createSeatmap, importPretixPlan, listSeatmaps } from '../api/seatmaps-api.ts';
import { newDocument } from '../editor/new-document.ts';
import { formatCount, formatDateTime } from '../shell/format.ts';
import { Link } from '../shell/navigation.tsx';
import { Empty, ErrorState, Loading } from '../shell/PageState.tsx';
import { useLoad } from '../shell/use-load.ts';
import { readJsonFile } from './download.ts';

interface Props {
  readonly api: ApiClient;
  readonly onOpen: (id: string) => void;
}

function SeatmapList({ api }: { api: ApiClient }) {
  const maps = useLoad(() => listSeatmaps(api), [api]);
  if (maps.loading && !maps.data) return <Loading what="Loading your seat maps…" />;
  if (maps.error) return <ErrorState message={maps.error} onRetry={maps.reload} />;
  if (!maps.data?.length) {
    return <Empty>No seat maps yet. Create one below, or import a pretix plan.</Empty>;
  }
  return (
    <table className="data-table" aria-label="Seat maps">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Published</th>
          <th scope="col">Seats</th>
          <th scope="col">Last edited</th>
        </tr>
      </thead>
      <tbody>
        {maps.data.map((m) => (
          <tr key={m.id}>
            <td>
              <Link to={{ page: 'map', mapId: m.id }}>{m.name}</Link>
            </td>
            <td>{m.latestVersion === null ? 'Draft only' : `v${m.latestVersion}`}</td>
            <td>{m.latestSeatCount === null ? '—' : formatCount(m.latestSeatCount)}</td>
            <td>{formatDateTime(m.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HomeScreen({ api, onOpen }: Props) {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (what: string, task: () => Promise<string>) => {
    setBusy(what);
    setError(null);
    try {
      onOpen(await task());
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const upload = (kind: 'pretix' | 'parterre') => (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    void run(`Importing ${file.name}…`, async () => {
      const json = await readJsonFile(file);
      if (kind === 'pretix') return (await importPretixPlan(api, json)).id;
      const docName = (json as { name?: unknown }).name;
      return (await createSeatmap(api, typeof docName === 'string' ? docName : file.name, json)).id;
    });
    e.target.value = '';
  };
  return (
    <div className="page">
      <h1>Seat maps</h1>
      <SeatmapList api={api} />
      <div className="card wide" aria-busy={busy !== null}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              'Creating…',
              async () => (await createSeatmap(api, name.trim(), newDocument(name.trim()))).id,
            );
          }}
        >
          <div className="field">
            <label htmlFor="new-name">New seat map</label>
            <input
              id="new-name"
              value={name}
              maxLength={200}
              placeholder="e.g. Main hall"
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <button type="submit" className="primary" disabled={!name.trim() || busy !== null}>
            Create
          </button>
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onOpen(id.trim());
          }}
        >
          <div className="field">
            <label htmlFor="open-id">Open by id</label>
            <input
              id="open-id"
              value={id}
              onChange={(e) => setId(e.target.value)}
              placeholder="seat map id"
            />
          </div>
          <button type="submit" disabled={!id.trim()}>
            Open
          </button>
        </form>
        <div className="uploads">
          <label className="file-button">
            Import a pretix plan…
            <input
              type="file"
              accept="application/json,.json"
              aria-label="Import a pretix seating plan"
              onChange={upload('pretix')}
            />
          </label>
          <label className="file-button">
            Upload a Parterre JSON…
            <input
              type="file"
              accept="application/json,.json"
              aria-label="Upload a Parterre seat map"
              onChange={upload('parterre')}
            />
          </label>
        </div>
        {busy && <p role="status">{busy}</p>}
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
