import { describe, expect, it } from 'vitest';
import type { BoxOfficeSnapshot } from '@parterre/seatmaps';
import type { EventLayout, LayoutSeat } from '../api/events-api.ts';
import {
  channelColour,
  DIMMED,
  GENERAL_SALE,
  heatColour,
  paintSeats,
  seatColour,
  STATUS_COLOURS,
} from './seat-colors.ts';
import { buildSeatModel, describeSeats, seatAt, seatsIn } from './seat-model.ts';
import { searchSeats } from './seat-search.ts';
import { kindOf, priceOf, summarize, toggleSeats } from './selection.ts';
import { applyStats, FEED_LIMIT, fromSnapshot } from './stats-state.ts';

const seat = (index: number, section: string, row: string, label: string, x: number, y: number) =>
  ({
    index,
    id: `${section}-${row}-${label}`,
    label,
    row,
    section,
    level: 'main',
    category: row === 'A' ? 'A' : 'B',
    x,
    y,
    flags: [],
  }) satisfies LayoutSeat;

const SEATS: LayoutSeat[] = [
  ...[1, 2, 3, 4, 5].map((n, i) => seat(i, 'Stalls', 'A', String(n), i * 30, 0)),
  ...[1, 2, 3].map((n, i) => seat(5 + i, 'Stalls', 'B', String(n), i * 30, 40)),
  ...[1, 2].map((n, i) => seat(8 + i, 'Balcony', 'A', String(n), i * 30, 200)),
];

const LAYOUT = {
  event: { id: 'ev', name: 'x', startsAt: '', salesOpen: true, holdTtlSeconds: 600 },
  size: { width: 400, height: 300 },
  categories: [],
  levels: [{ id: 'main', name: 'Main' }],
  seats: SEATS,
  gaAreas: [],
  prices: [],
} satisfies EventLayout;

describe('seat search', () => {
  it('finds a seat, a range, a row and a section by what the customer says', () => {
    expect(searchSeats(SEATS, 'A 2')).toEqual([1, 9]);
    expect(searchSeats(SEATS, 'stalls a 2')).toEqual([1]);
    expect(searchSeats(SEATS, 'Row A seat 2-4')).toEqual([1, 2, 3, 9]);
    expect(searchSeats(SEATS, 'Stalls A 2 – 4')).toEqual([1, 2, 3]);
    expect(searchSeats(SEATS, 'stalls b')).toEqual([5, 6, 7]);
    expect(searchSeats(SEATS, 'balc')).toEqual([8, 9]);
    expect(searchSeats(SEATS, 'Z 9')).toEqual([]);
    expect(searchSeats(SEATS, '   ')).toEqual([]);
  });
});

describe('seat model', () => {
  const model = buildSeatModel(LAYOUT);
  it('measures the pitch and finds the seat under a point or in a rectangle', () => {
    expect(model.pitch).toBe(30);
    expect(seatAt(model, 0, 31, 2)).toBe(1);
    expect(seatAt(model, 0, 15, 20)).toBe(-1);
    expect(seatsIn(model, 0, { x: 35, y: 45 }, { x: -5, y: -5 })).toEqual([0, 1, 5, 6]);
  });
  it('names seats in plain words, grouped by row', () => {
    expect(describeSeats(model, [0, 1, 5, 8])).toBe(
      'Stalls row A: 1, 2 · Stalls row B: 1 · Balcony row A: 1',
    );
    expect(describeSeats(model, [0, 1, 2], 2)).toBe('Stalls row A: 1, 2 … and 1 more');
  });
});

describe('selection', () => {
  const status = new Uint8Array([0, 0, 1, 2, 3, 0, 0, 0, 0, 0]);
  it('adds seats, or removes them when all are selected already', () => {
    expect(toggleSeats([3], [1, 2])).toEqual([1, 2, 3]);
    expect(toggleSeats([1, 2, 3], [1, 2])).toEqual([3]);
    expect(toggleSeats([1], [1, 4])).toEqual([1, 4]);
  });
  it('sorts the selection by status and says which actions fit', () => {
    const s = summarize([0, 1, 3], status);
    expect(s).toEqual({ free: [0, 1], held: [], booked: [3], blocked: [] });
    expect(kindOf(s)).toBe('mixed');
    expect(kindOf(summarize([4], status))).toBe('blocked');
    expect(kindOf(summarize([], status))).toBe('empty');
  });
  it('prices a sale and names categories without that price type', () => {
    const prices = [
      { category: 'A', priceType: 'full', amount: 5000, currency: 'EUR' },
      { category: 'B', priceType: 'full', amount: 3000, currency: 'EUR' },
      { category: 'A', priceType: 'reduced', amount: 2500, currency: 'EUR' },
    ];
    expect(priceOf(['A', 'A', 'B'], 'full', prices)).toEqual({
      total: 13000,
      currency: 'EUR',
      missing: [],
    });
    expect(priceOf(['A', 'B'], 'reduced', prices)).toEqual({
      total: 2500,
      currency: 'EUR',
      missing: ['B'],
    });
  });
});

describe('seat colours', () => {
  const ctx = { categoryColours: new Map([['A', '#ff0000']]), soldCount: 3 };
  it('colours by status, by category (sold dimmed) and by first sale', () => {
    expect(
      seatColour({ status: 1, category: 'A', soldRank: undefined }, { ...ctx, mode: 'status' }),
    ).toBe(STATUS_COLOURS.held);
    expect(
      seatColour({ status: 0, category: 'A', soldRank: undefined }, { ...ctx, mode: 'category' }),
    ).toBe('#ff0000');
    expect(
      seatColour({ status: 2, category: 'A', soldRank: 0 }, { ...ctx, mode: 'category' }),
    ).not.toBe('#ff0000');
    expect(seatColour({ status: 2, category: 'A', soldRank: 0 }, { ...ctx, mode: 'heatmap' })).toBe(
      heatColour(0),
    );
    expect(seatColour({ status: 2, category: 'A', soldRank: 2 }, { ...ctx, mode: 'heatmap' })).toBe(
      heatColour(1),
    );
    expect(heatColour(0)).not.toBe(heatColour(1));
    const free = { status: 0, category: 'A', soldRank: undefined };
    expect(seatColour({ ...free, channel: 1 }, { ...ctx, mode: 'channel' })).toBe(channelColour(1));
    expect(seatColour(free, { ...ctx, mode: 'channel' })).toBe(GENERAL_SALE);
    expect(seatColour({ ...free, status: 2, channel: 1 }, { ...ctx, mode: 'channel' })).toBe(
      DIMMED,
    );
  });
});

describe('seat paint', () => {
  it('gives every seat a palette index, one palette entry per colour in use', () => {
    const paint = paintSeats(
      new Uint8Array([0, 1, 0, 2]),
      ['A', 'A', 'B', 'B'],
      new Map(),
      new Int16Array([-1, -1, -1, -1]),
      { mode: 'status', categoryColours: new Map(), soldCount: 0 },
    );
    expect(paint.palette).toEqual([
      STATUS_COLOURS.free,
      STATUS_COLOURS.held,
      STATUS_COLOURS.booked,
    ]);
    expect([...paint.colour]).toEqual([0, 1, 0, 2]);
  });
});

describe('stats state', () => {
  const snap: BoxOfficeSnapshot = {
    eventId: 'ev',
    serverTime: 1000,
    salesOpen: true,
    counters: {
      capacity: 10,
      sold: 1,
      held: 0,
      free: 9,
      blocked: 0,
      revenue: [],
      sellThrough: 0.1,
    },
    velocity: { from: 0, perMinute: [0, 1] },
    soldOrder: [4],
    feed: [],
    attendance: { scanned: 0, sold: 1 },
  };
  it('merges pushes: new first sales appended once, feed capped, absent fields kept', () => {
    let s = fromSnapshot(snap);
    expect(s.soldRank.get(4)).toBe(0);
    s = applyStats(s, { eventId: 'ev', serverTime: 2000, soldFirst: [7, 4, 2] });
    expect(s.soldOrder).toEqual([4, 7, 2]);
    expect(s.soldRank.get(2)).toBe(2);
    expect(s.counters).toBe(snap.counters);
    const feed = Array.from({ length: FEED_LIMIT + 5 }, (_, i) => ({
      id: `f${i}`,
      at: i,
      kind: 'seats.unblocked' as const,
      seats: [i],
    }));
    s = applyStats(s, {
      eventId: 'ev',
      serverTime: 3000,
      feed,
      attendance: { scanned: 1, sold: 1 },
    });
    expect(s.feed).toHaveLength(FEED_LIMIT);
    expect(s.feed[0]?.id).toBe('f5');
    expect(s.attendance.scanned).toBe(1);
    expect(applyStats(s, { eventId: 'other', serverTime: 9, salesOpen: false })).toBe(s);
  });
});
