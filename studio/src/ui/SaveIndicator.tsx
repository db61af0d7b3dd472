// Saved / saving / unsaved / conflict indicator; a conflict is explained in plain words with
// the two ways out.
import { useState, useSyncExternalStore } from 'react';
import type { Autosave } from '../api/autosave.ts';

export function SaveIndicator({ autosave }: { autosave: Autosave }) {
  const status = useSyncExternalStore(autosave.subscribe, autosave.getStatus);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const resolve = async (how: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await how();
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const label = {
    saved: 'Saved',
    dirty: 'Unsaved changes',
    saving: 'Saving…',
    conflict: 'Conflict',
    error: 'Not saved',
  }[status.state];
  return (
    <div
      className={`save save-${status.state}`}
      role="status"
      aria-live="polite"
      data-save-state={status.state}
      title={status.message}
    >
      <span>{label}</span>
      {status.state === 'error' && <span className="save-detail">{status.message}</span>}
      {status.state === 'conflict' && (
        <div className="conflict" role="alertdialog" aria-label="Save conflict">
          <p>{status.message}</p>
          <button type="button" disabled={busy} onClick={() => resolve(() => autosave.reload())}>
            Reload theirs
          </button>
          <button type="button" disabled={busy} onClick={() => resolve(() => autosave.keepMine())}>
            Keep mine
          </button>
          {failure && <p role="alert">{failure}</p>}
        </div>
      )}
    </div>
  );
}
