// Recent changes in plain words, newest first: sales, cancellations, blocks, and holds summed.
import type { BoxOfficeFeedItem } from '@parterre/seatmaps';
import { formatAgo, formatMoney } from '../shell/format.ts';
import { describeSeats, type SeatModel } from './seat-model.ts';

export function feedText(item: BoxOfficeFeedItem, model: SeatModel): string {
  const where = (seats: number[]) => (seats.length ? ` (${describeSeats(model, seats, 8)})` : '');
  const n = (count: number, what = 'ticket') => `${count} ${what}${count === 1 ? '' : 's'}`;
  switch (item.kind) {
    case 'booking.created':
      return `${item.channel ? `${item.channel} sold` : 'Sold'} ${n(item.count)} for ${formatMoney(item.amount, item.currency)}${where(item.seats)}${item.orderRef ? `, ref ${item.orderRef}` : ''}`;
    case 'booking.cancelled':
      return `Cancelled ${n(item.count)}, ${formatMoney(item.amount, item.currency)} to refund${where(item.seats)}`;
    case 'seats.blocked':
      return `Blocked ${n(item.seats.length, 'seat')}: ${item.reason}${where(item.seats)}`;
    case 'seats.unblocked':
      return `Unblocked ${n(item.seats.length, 'seat')}${where(item.seats)}`;
    case 'holds':
      return `${item.held} seat${item.held === 1 ? '' : 's'} held, ${item.released} released`;
  }
}

export function Feed({
  items,
  model,
  now,
}: {
  items: readonly BoxOfficeFeedItem[];
  model: SeatModel;
  now: number;
}) {
  return (
    <section className="feed" aria-label="Recent changes">
      <h2>Recent changes</h2>
      {items.length === 0 ? (
        <p className="muted">Nothing has happened yet.</p>
      ) : (
        <ol>
          {[...items].reverse().map((item) => (
            <li key={item.id} className={`feed-${item.kind.replace('.', '-')}`}>
              <time dateTime={new Date(item.at).toISOString()}>{formatAgo(item.at, now)}</time>{' '}
              {feedText(item, model)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
