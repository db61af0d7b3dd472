// "Door link for a phone": makes a door key on demand and shows the door page's link with it, to
// open on a scanner phone. Never a secret key: the door key can only scan tickets of this event and
// read it and its attendance, it stops working a day after the start plus 12 hours, and the door
// page refuses any other key (engine tickets/door-link.ts). "Door keys" opens the same panel
// without making a key: the keys still valid, to revoke the ones whose phone is done.
import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { createDoorLink, type DoorLinkView } from '../api/door-api.ts';
import { formatDateTime } from '../shell/format.ts';
import { DoorKeyList } from './DoorKeyList.tsx';

export function DoorLink({ api, eventId }: { api: ApiClient; eventId: string }) {
  const [link, setLink] = useState<DoorLinkView | null>(null);
  const [open, setOpen] = useState(false);
  const [made, setMade] = useState(0);
  const [state, setState] = useState<'idle' | 'making' | 'error'>('idle');
  const [problem, setProblem] = useState('');
  const make = () => {
    setState('making');
    setOpen(true);
    createDoorLink(api, eventId)
      .then((created) => {
        setLink(created);
        setMade((n) => n + 1);
        setState('idle');
      })
      .catch((err: Error) => {
        setProblem(err.message);
        setState('error');
      });
  };
  const url = link ? new URL(link.path, window.location.origin).href : '';
  return (
    <span className="door-link">
      <button type="button" onClick={make} disabled={state === 'making'}>
        {state === 'making' ? 'Making a door key…' : 'Door link for a phone'}
      </button>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Door keys
      </button>
      {open && (
        <div
          className="door-panel"
          role="region"
          aria-label="Door link panel"
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          {link && (
            <div role="region" aria-label="Door link">
              <input
                readOnly
                value={url}
                aria-label="Door link"
                onFocus={(e) => e.target.select()}
              />
              <button type="button" onClick={() => void navigator.clipboard?.writeText(url)}>
                Copy
              </button>
              <p className="muted">
                Scans tickets of this event only, until {formatDateTime(link.expiresAt)}. Revoke key{' '}
                {link.prefix}… below when the phone is done.
              </p>
            </div>
          )}
          {state === 'error' && (
            <p role="alert" className="error-text">
              No door link: {problem}
            </p>
          )}
          <DoorKeyList api={api} eventId={eventId} reloadKey={made} />
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      )}
    </span>
  );
}
