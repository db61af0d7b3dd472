// The counter's commands against the engine, each reporting in plain words and, where undoing
// is safe, offering the undo: hold, sell (from the hold or straight from free seats), cancel,
// block, unblock, release. A sale is never undone silently: cancelling one is its own
// confirmed step because money goes back.
import { useCallback, useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import {
  blockSeats,
  book,
  cancelSeats,
  holdBestAvailable,
  holdSeats,
  releaseHold,
  unblockSeats,
  type GaLine,
  type Hold,
} from '../api/sales-api.ts';
import { formatMoney } from '../shell/format.ts';
import { saleProblem } from './sale-errors.ts';
import { describeSeats, type SeatModel } from './seat-model.ts';

export interface Notice {
  readonly id: number;
  readonly tone: 'ok' | 'error';
  readonly text: string;
  readonly undo?: { label: string; run: () => Promise<void> };
  /** A sale's booking, whose ticket pages the panel links to. */
  readonly bookingId?: string;
}

let noticeId = 0;

export function useCounter(
  api: ApiClient,
  eventId: string,
  model: SeatModel,
  /** Names for messages: standing areas by id, channels by id. */
  names: { area?: (id: string) => string; channel?: (id: string) => string } = {},
) {
  const [hold, setHold] = useState<Hold | null>(null);
  /** "Sell for": '' is the general sale, else a channel id sent on holds and sales. */
  const [channelId, setChannelId] = useState('');
  const channel = channelId || undefined;
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const idsOf = useCallback(
    (indexes: readonly number[]) => indexes.map((i) => model.seats[i]!.id),
    [model],
  );
  const indexesOf = useCallback(
    (ids: readonly string[]) =>
      ids.map((id) => model.byId.get(id)).filter((i): i is number => i !== undefined),
    [model],
  );
  const nameOf = useCallback(
    (id: string) => {
      const i = model.byId.get(id);
      return i === undefined ? id : describeSeats(model, [i]);
    },
    [model],
  );
  const words = (indexes: readonly number[]) =>
    `${indexes.length} seat${indexes.length === 1 ? '' : 's'} (${describeSeats(model, indexes, 10)})`;

  /** Runs one command; returns whether it succeeded. */
  const run = async (
    what: string,
    task: () => Promise<Omit<Notice, 'id' | 'tone'>>,
  ): Promise<boolean> => {
    setBusy(what);
    try {
      const done = await task();
      setNotice({ ...done, id: ++noticeId, tone: 'ok' });
      return true;
    } catch (err) {
      setNotice({
        id: ++noticeId,
        tone: 'error',
        text: saleProblem(err, nameOf, {
          channel: channelId ? (names.channel?.(channelId) ?? channelId) : null,
          ...(names.area ? { areaName: names.area } : {}),
        }),
      });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const block = (indexes: readonly number[], reason: string) =>
    run('Blocking…', async () => {
      await blockSeats(api, eventId, idsOf(indexes), reason);
      return {
        text: `Blocked ${words(indexes)}: ${reason}.`,
        undo: { label: 'Undo block', run: async () => void (await unblock(indexes, true)) },
      };
    });

  const unblock = (indexes: readonly number[], isUndo = false): Promise<boolean> =>
    run('Unblocking…', async () => {
      await unblockSeats(api, eventId, idsOf(indexes));
      return {
        text: isUndo
          ? `Undone: ${words(indexes)} are free again.`
          : `Released ${words(indexes)}: they are free to sell.`,
        ...(isUndo
          ? {}
          : {
              undo: {
                label: 'Undo release',
                run: async () => void (await block(indexes, 'blocked again (undo)')),
              },
            }),
      };
    });

  const holdThese = (indexes: readonly number[]) =>
    run('Holding…', async () => {
      // A second hold for the same customer joins the first, so one sale takes them all.
      const h = await holdSeats(api, eventId, idsOf(indexes), hold?.holdToken, channel);
      setHold(h);
      return { text: `Holding ${words(indexesOf(h.seats))} for this customer.` };
    });

  const holdBest = async (quantity: number, category?: string): Promise<number[] | null> => {
    let seats: number[] | null = null;
    await run('Finding the best seats…', async () => {
      const h = await holdBestAvailable(api, eventId, quantity, category, channel);
      setHold(h);
      seats = indexesOf(h.seats);
      return { text: `Found and holding ${words(seats)}.` };
    });
    return seats;
  };

  const release = () =>
    run('Releasing…', async () => {
      if (!hold) return { text: 'Nothing was held.' };
      await releaseHold(api, eventId, hold.holdToken);
      setHold(null);
      return { text: `Released the hold: ${words(indexesOf(hold.seats))} are free again.` };
    });

  const sell = (
    indexes: readonly number[],
    priceType: string,
    orderRef: string,
    ga: readonly GaLine[] = [],
    gaWords = '',
  ): Promise<boolean> =>
    run('Selling…', async () => {
      const ids = idsOf(indexes);
      // Seats of the counter's own hold are booked from it (all or some of them); standing
      // places are booked straight from the free ones.
      const fromHold =
        hold !== null && ids.length > 0 && ids.every((id) => hold.seats.includes(id));
      const booking = await book(
        api,
        eventId,
        {
          seats: ids,
          ...(ga.length ? { ga } : {}),
          priceType,
          ...(channel ? { channelId: channel } : {}),
          ...(fromHold ? { holdToken: hold.holdToken } : {}),
          ...(orderRef.trim() ? { orderRef: orderRef.trim() } : {}),
        },
        crypto.randomUUID(),
      );
      if (fromHold) {
        const left = hold.seats.filter((id) => !ids.includes(id));
        setHold(left.length ? { ...hold, seats: left } : null);
      }
      return {
        text: `Sold ${[indexes.length ? words(indexes) : '', gaWords].filter(Boolean).join(' and ')} for ${formatMoney(booking.amount, booking.currency)}. Booking ${booking.bookingId}.`,
        bookingId: booking.bookingId,
      };
    });

  const cancel = (indexes: readonly number[]) =>
    run('Cancelling…', async () => {
      const r = await cancelSeats(api, eventId, idsOf(indexes));
      return {
        text: `Cancelled ${words(indexesOf(r.cancelled))}. Refund the customer; the seats are free again.`,
      };
    });

  return {
    hold,
    busy,
    channelId,
    setChannelId,
    notice,
    dismiss: () => setNotice(null),
    setHold,
    holdThese,
    holdBest,
    release,
    sell,
    cancel,
    block,
    unblock,
  };
}

export type Counter = ReturnType<typeof useCounter>;
