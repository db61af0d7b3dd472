// Allocated and sold per channel and for the general sale.
import type { ChannelSellThrough } from '../api/channels-api.ts';
import { CountCell, MoneyCell, NumHead } from '../shell/DataCells.tsx';
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
          <NumHead>Seats sold</NumHead>
          <NumHead>Standing sold</NumHead>
          <NumHead>Bookings</NumHead>
          <NumHead>Revenue</NumHead>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.channelId ?? 'general'} data-channel={r.channelId ?? 'general'}>
            <th scope="row">{r.name}</th>
            <td>{KIND_LABELS[r.kind]}</td>
            <td>{r.channelId ? allocatedWords(r) : 'everything else'}</td>
            <CountCell value={r.sold.seats} />
            <CountCell value={r.sold.ga} />
            <CountCell value={r.sold.bookings} />
            <MoneyCell amounts={r.sold.revenue} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
