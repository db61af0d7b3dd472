// Whether the public can buy, in words, with the button that changes it. Closing asks first;
// opening does not (it can be closed again at once). The box office sells either way.
import { useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { setSalesOpen, type EventView } from '../api/events-api.ts';

interface Props {
  readonly api: ApiClient;
  readonly event: EventView;
  readonly onChanged: () => void;
}

export function SalesSwitch({ api, event, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onSale = event.onSale ?? event.salesOpen;
  const change = async (open: boolean) => {
    if (
      !open &&
      !window.confirm(
        `Close public sales of “${event.name}”? Visitors can no longer pick seats; the box office still sells.`,
      )
    ) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await setSalesOpen(api, event.id, open);
      onChanged();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="sales-switch">
      <span className={`pill ${onSale ? 'ok' : 'off'}`}>{onSale ? 'On sale' : 'Not on sale'}</span>
      <button
        type="button"
        disabled={busy}
        onClick={() => void change(!event.salesOpen)}
        aria-label={`${event.salesOpen ? 'Close' : 'Open'} sales of ${event.name}`}
      >
        {event.salesOpen ? 'Close sales' : 'Open sales'}
      </button>
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </span>
  );
}
