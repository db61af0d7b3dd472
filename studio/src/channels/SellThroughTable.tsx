// Allocated and sold per channel and for the general sale.
import type { ChannelSellThrough } from '../api/channels-api.ts';
import { formatCount, formatMoneyList } from '../shell/format.ts';
import { Empty } from '../shell/PageState.tsx';
import { allocatedWords, KIND_LABELS } from './channel-form.ts';

export function SellThroughTable({ rows }: { rows: readonly ChannelSellThrough[] }) {
  if (!rows.length) return <Empty>Nothing allocated or sold yet.</Empty>;
  return (
    <table className="data-table" aria-label="Sell-through per channel">
      <thead>
        <tr>
          <th scope="col">Channel</th>
          <th scope="col">Kind</th>
          <th scope="col">Allocated</th>
          <th scope="col" className="num">
            Seats sold
          </th>
          <th scope="col" className="num">
            Standing sold
          </th>
          <th scope="col" className="num">
            Bookings
          </th>
          <th scope="col" className="num">
            Revenue
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.channelId ?? 'general'} data-channel={r.channelId ?? 'general'}>
            <th scope="row">{r.name}</th>
            <td>{KIND_LABELS[r.kind]}</td>
            <td>{r.channelId ? allocatedWords(r) : 'everything else'}</td>
            <td className="num">{formatCount(r.sold.seats)}</td>
            <td className="num">{formatCount(r.sold.ga)}</td>
            <td className="num">{formatCount(r.sold.bookings)}</td>
            <td className="num">{formatMoneyList(r.sold.revenue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
