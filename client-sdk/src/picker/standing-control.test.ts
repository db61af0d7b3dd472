import { describe, expect, it } from 'vitest';
import { SeatModel } from './seat-model.ts';
import { StandingControl, type StandingHost } from './standing-control.ts';
import type { GaQuantity, PickerLayout } from './types.ts';

const layout: PickerLayout = {
  event: { id: 'e', name: 'E', startsAt: '', salesOpen: true, holdTtlSeconds: 60 },
  size: { width: 100, height: 100 },
  focalPoint: { x: 0, y: 0 },
  categories: [{ key: 'GA', label: 'Standing', color: '#f80' }],
  seats: [],
  gaAreas: [
    {
      id: 'pit',
      label: 'Pit',
      section: 'Floor',
      capacity: 5,
      category: 'GA',
      outline: [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 10 },
      ],
    },
  ],
  prices: [{ category: 'GA', priceType: 'full', amount: 2000, currency: 'EUR' }],
};

/** A holder that records its calls (what the picker asks of LiveEvent or the REST basket). */
function recordingHolder() {
  const calls: string[] = [];
  return {
    calls,
    holder: {
      hold: async (seats: string[], ga?: GaQuantity[]) => {
        await Promise.resolve();
        calls.push(`hold ${seats.join(',')} ${JSON.stringify(ga ?? [])}`);
      },
      release: async (seats?: string[]) => {
        await Promise.resolve();
        calls.push(`release ${seats ? seats.join(',') : 'all'}`);
      },
    },
  };
}

function control(live = [{ areaId: 'pit', capacity: 5, held: 0, booked: 1 }]) {
  const { calls, holder } = recordingHolder();
  const host: StandingHost = {
    holder: () => holder,
    limits: () => ({ live, seats: 1, maxSeats: 10 }),
    seatIds: () => ['A-1'],
    changed: () => calls.push('changed'),
    holdLost: async () => undefined,
    announce: () => undefined,
    focusArea: () => undefined,
    error: () => undefined,
  };
  return { calls, standing: new StandingControl(SeatModel.from(layout, 'full'), host) };
}

describe('StandingControl', () => {
  it('runs two quick "+" steps one after the other: two places, two holds of one', async () => {
    const { calls, standing } = control();
    await Promise.all([standing.step('pit', 1), standing.step('pit', 1)]);
    expect(standing.picks.quantityOf('pit')).toBe(2);
    expect(calls).toEqual([
      'hold  [{"areaId":"pit","quantity":1}]',
      'changed',
      'hold  [{"areaId":"pit","quantity":1}]',
      'changed',
    ]);
    expect(standing.picked()).toEqual([
      expect.objectContaining({ quantity: 2, price: expect.objectContaining({ amount: 4000 }) }),
    ]);
  });

  it('lowers a quantity by releasing the whole hold and holding seats and the rest again', async () => {
    const { calls, standing } = control();
    await standing.set('pit', 3);
    calls.length = 0;
    await standing.set('pit', 1);
    expect(calls).toEqual(['release all', 'hold A-1 [{"areaId":"pit","quantity":1}]', 'changed']);
  });

  it('refuses more than is left and changes nothing', async () => {
    const { calls, standing } = control([{ areaId: 'pit', capacity: 5, held: 2, booked: 1 }]);
    await expect(standing.set('pit', 3)).rejects.toThrow(
      'Standing area "pit": only 2 places can be held here',
    );
    await expect(standing.set('nope', 1)).rejects.toThrow(
      'Unknown standing area "nope"; areas: pit',
    );
    expect(calls).toEqual([]);
    expect(standing.picks.quantityOf('pit')).toBe(0);
  });
});
