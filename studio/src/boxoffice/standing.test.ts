import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { saleProblem } from './sale-errors.ts';
import { priceOf } from './selection.ts';
import {
  channelChoices,
  clampQuantity,
  describeGa,
  gaCategories,
  gaLines,
  standingAreas,
} from './standing.ts';

const layoutAreas = [
  { id: 'floor', label: 'Floor', section: 's', capacity: 50, category: 'B' },
  { id: 'bar', label: '', section: 's', capacity: 10, category: null },
];

describe('standing areas at the counter', () => {
  it('counts the places left from held and sold ones, never below zero', () => {
    const areas = standingAreas(layoutAreas, [
      { areaId: 'floor', capacity: 50, held: 3, booked: 5 },
      { areaId: 'bar', capacity: 10, held: 8, booked: 4 },
    ]);
    expect(areas.map((a) => [a.id, a.label, a.left])).toEqual([
      ['floor', 'Floor', 42],
      ['bar', 'bar', 0],
    ]);
    // Before the availability arrives every place counts as left.
    expect(standingAreas(layoutAreas, undefined).map((a) => a.left)).toEqual([50, 10]);
  });

  it('keeps a stepper between 0 and the places left', () => {
    expect([-1, 0, 2.7, 42, 43, Number.NaN].map((q) => clampQuantity(q, 42))).toEqual([
      0, 0, 2, 42, 42, 0,
    ]);
  });

  it('turns quantities into the sale’s ga lines, priced per place by area category', () => {
    const areas = standingAreas(layoutAreas, []);
    const lines = gaLines(areas, { bar: 0, floor: 2, gone: 3 });
    expect(lines).toEqual([{ areaId: 'floor', quantity: 2 }]);
    expect(gaCategories(areas, lines)).toEqual(['B', 'B']);
    const prices = [{ category: 'B', priceType: 'full', amount: 3000, currency: 'EUR' }];
    expect(priceOf(gaCategories(areas, lines), 'full', prices)).toEqual({
      total: 6000,
      currency: 'EUR',
      missing: [],
    });
    expect(describeGa(areas, lines)).toBe('2 standing places (Floor 2)');
    expect(describeGa(areas, [{ areaId: 'bar', quantity: 1 }])).toBe('1 standing place (bar 1)');
  });

  it('offers the general sale first, then the event’s channels', () => {
    expect(channelChoices(null)).toEqual([{ value: '', label: 'General sale' }]);
    expect(
      channelChoices([{ id: 'ch1', name: 'Web shop', kind: 'online', seats: [] }]).map(
        (c) => c.label,
      ),
    ).toEqual(['General sale', 'Web shop']);
  });
});

describe('channel and standing refusals in plain words', () => {
  const nameOf = (id: string) => `Stalls ${id}`;
  it('names the seats not on sale in the chosen channel', () => {
    const err = new ApiError(409, 'NOT_IN_CHANNEL', 'x', { seats: ['A 1', 'A 2'] });
    expect(saleProblem(err, nameOf, { channel: 'Web shop' })).toBe(
      'Not on sale in the channel Web shop: Stalls A 1; Stalls A 2. Pick other seats or choose another "Sell for".',
    );
    expect(saleProblem(err, nameOf)).toContain('Not on sale in the general sale: Stalls A 1');
  });
  it('says when a channel or the hall has too few standing places', () => {
    const areaName = (id: string) => (id === 'floor' ? 'Floor' : id);
    expect(
      saleProblem(new ApiError(409, 'NOT_IN_CHANNEL', 'x', { areas: ['floor'] }), nameOf, {
        channel: 'Web shop',
        areaName,
      }),
    ).toBe(
      'The channel Web shop does not have that many standing places in Floor. Sell fewer or choose another "Sell for".',
    );
    expect(
      saleProblem(new ApiError(409, 'GA_UNAVAILABLE', 'x', { areas: ['floor'] }), nameOf, {
        areaName,
      }),
    ).toBe('Not enough standing places left in Floor. Sell fewer places.');
  });
});
