// "Door link for a phone": makes a door key on demand and shows the door page's link with it, to
// open on a scanner phone. Never a secret key: the door key can only scan tickets and read the
// event and its attendance, and the door page refuses any other key (engine tickets/door-link.ts).
import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { createDoorLink, type DoorLinkView } from '../api/door-api.ts';

export function DoorLink({ api, eventId }: { api: ApiClient; eventId: string }) {
  const [link, setLink] = useState<DoorLinkView | null>(null);
  const [state, setState] = useState<'idle' | 'making' | 'error'>('idle');
  const [problem, setProblem] = useState('');
  const make = () => {
    setState('making');
    createDoorLink(api, eventId)
      .then((made) => {
        setLink(made);
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
      {link && (
        <span role="region" aria-label="Door link">
          <input readOnly value={url} aria-label="Door link" onFocus={(e) => e.target.select()} />
          <button type="button" onClick={() => void navigator.clipboard?.writeText(url)}>
            Copy
          </button>
          <span className="muted">
            Scans tickets only. Revoke key {link.prefix}… ({link.keyId}) when the phone is done.
          </span>
        </span>
      )}
      {state === 'error' && (
        <span role="alert" className="error-text">
          No door link: {problem}
        </span>
      )}
    </span>
  );
}
