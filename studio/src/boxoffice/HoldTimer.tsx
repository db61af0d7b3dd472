// How long the counter's hold lasts, counting down each second; says when it has run out.
import { useEffect, useState } from 'react';
import type { Hold } from '../api/sales-api.ts';

export function HoldTimer({ hold, onExpired }: { hold: Hold; onExpired: () => void }) {
  const ends = new Date(hold.expiresAt).getTime();
  const [left, setLeft] = useState(() => ends - Date.now());
  useEffect(() => {
    const t = setInterval(() => {
      const ms = ends - Date.now();
      setLeft(ms);
      if (ms <= 0) {
        clearInterval(t);
        onExpired();
      }
    }, 1000);
    return () => clearInterval(t);
  }, [ends, onExpired]);
  const s = Math.max(0, Math.round(left / 1000));
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return (
    <p className={`hold-timer${s < 60 ? ' urgent' : ''}`} role="timer" aria-live="off">
      Holding {hold.seats.length} seat{hold.seats.length === 1 ? '' : 's'} for this customer · ends
      in {text}
    </p>
  );
}
