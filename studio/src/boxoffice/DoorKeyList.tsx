// The event's door keys still valid (neither revoked nor expired), each with who made it, until
// when it works and a Revoke button that asks first: the box office takes a phone's access back
// when the phone is done or lost. Reloads when `reloadKey` changes (a new door link was made).
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { listDoorKeys, revokeDoorKey, type DoorKeyView } from '../api/door-api.ts';
import { formatDateTime } from '../shell/format.ts';

interface Props {
  readonly api: ApiClient;
  readonly eventId: string;
  readonly reloadKey: number;
}

type Load =
  | { state: 'loading' }
  | { state: 'error'; problem: string }
  | { state: 'ready'; keys: DoorKeyView[] };

const creator = (k: DoorKeyView) => k.createdByName ?? k.createdBy ?? 'unknown';

export function DoorKeyList({ api, eventId, reloadKey }: Props) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [revoking, setRevoking] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(() => {
    setLoad({ state: 'loading' });
    listDoorKeys(api, eventId)
      .then((keys) => setLoad({ state: 'ready', keys }))
      .catch((err: Error) => setLoad({ state: 'error', problem: err.message }));
  }, [api, eventId]);
  useEffect(reload, [reload, reloadKey]);

  const revoke = async (key: DoorKeyView) => {
    if (
      !window.confirm(
        `Revoke door key ${key.prefix}… made by ${creator(key)}? The phone using it stops scanning.`,
      )
    ) {
      return;
    }
    setRevoking(key.id);
    setProblem(null);
    try {
      await revokeDoorKey(api, eventId, key.id);
    } catch (err) {
      setProblem(`Not revoked: ${(err as Error).message}`);
    } finally {
      setRevoking(null);
      reload();
    }
  };

  return (
    <section className="door-keys" aria-label="Door keys in use">
      <h3>Door keys in use</h3>
      {load.state === 'loading' && <p className="muted">Loading door keys…</p>}
      {load.state === 'error' && (
        <p role="alert" className="error-text">
          Could not load the door keys: {load.problem}{' '}
          <button type="button" onClick={reload}>
            Retry
          </button>
        </p>
      )}
      {load.state === 'ready' && load.keys.length === 0 && (
        <p className="muted">No door key is valid for this event.</p>
      )}
      {load.state === 'ready' && load.keys.length > 0 && (
        <ul>
          {load.keys.map((k) => (
            <li key={k.id} data-key-id={k.id}>
              <code>{k.prefix}…</code> by {creator(k)}, made {formatDateTime(k.createdAt)}, works
              until {formatDateTime(k.expiresAt)}
              {k.lastUsedAt ? `, last used ${formatDateTime(k.lastUsedAt)}` : ', not used yet'}{' '}
              <button
                type="button"
                onClick={() => void revoke(k)}
                disabled={revoking !== null}
                aria-label={`Revoke door key ${k.prefix}`}
              >
                {revoking === k.id ? 'Revoking…' : 'Revoke'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
    </section>
  );
}
