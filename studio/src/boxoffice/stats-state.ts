// The box office's running statistics of one event: the /boxoffice snapshot, then each `stats`
// push merged in (absent fields unchanged, soldFirst appended, feed capped). Pure.
import type { BoxOfficeSnapshot, BoxOfficeStats } from '@parterre/seatmaps';

/** How many feed lines the screen keeps. */
export const FEED_LIMIT = 50;

export interface StatsState extends BoxOfficeSnapshot {
  /** Seat index → rank of its first sale (0 = first), for the heatmap. */
  readonly soldRank: ReadonlyMap<number, number>;
}

export function fromSnapshot(snapshot: BoxOfficeSnapshot): StatsState {
  const soldRank = new Map<number, number>();
  snapshot.soldOrder.forEach((seat, rank) => soldRank.set(seat, rank));
  return { ...snapshot, feed: snapshot.feed.slice(-FEED_LIMIT), soldRank };
}

/** The state after one push; a push for another event changes nothing. */
export function applyStats(state: StatsState, stats: BoxOfficeStats): StatsState {
  if (stats.eventId !== state.eventId) return state;
  let { soldOrder, soldRank } = state;
  if (stats.soldFirst?.length) {
    const rank = new Map(soldRank);
    const order = [...soldOrder];
    for (const seat of stats.soldFirst) {
      if (rank.has(seat)) continue;
      rank.set(seat, order.length);
      order.push(seat);
    }
    soldOrder = order;
    soldRank = rank;
  }
  return {
    ...state,
    serverTime: stats.serverTime,
    salesOpen: stats.salesOpen ?? state.salesOpen,
    counters: stats.counters ?? state.counters,
    velocity: stats.velocity ?? state.velocity,
    attendance: stats.attendance ?? state.attendance,
    feed: stats.feed?.length ? [...state.feed, ...stats.feed].slice(-FEED_LIMIT) : state.feed,
    soldOrder,
    soldRank,
  };
}
