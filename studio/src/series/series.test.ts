import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import {
  eventsToAdd,
  groupInput,
  groupProblem,
  subscribeInput,
  subscriptionProblem,
} from './series-view.ts';

describe('series view logic', () => {
  it('offers only events not yet in the series', () => {
    const series = {
      id: 'se_1',
      name: 'Season',
      createdAt: '2026-01-01T00:00:00.000Z',
      events: [{ id: 'ev_1', name: 'One', startsAt: '2026-02-01T19:00:00.000Z' }],
    };
    expect(eventsToAdd([{ id: 'ev_1' }, { id: 'ev_2' }], series)).toEqual([{ id: 'ev_2' }]);
  });

  it('checks the subscription form before sending it', () => {
    expect(subscribeInput({ seats: ' ', holder: '', priceType: '' })).toEqual({
      problem: 'Type the seat ids the subscriber keeps all season.',
    });
    expect(subscribeInput({ seats: 'R1-1 R1-2', holder: ' Ada ', priceType: 'reduced' })).toEqual({
      input: { seats: ['R1-1', 'R1-2'], holder: 'Ada', priceType: 'reduced' },
    });
    expect(subscribeInput({ seats: 'R1-1', holder: '', priceType: '' })).toEqual({
      input: { seats: ['R1-1'] },
    });
    const many = Array.from({ length: 51 }, (_, i) => `S${i}`).join(',');
    expect(subscribeInput({ seats: many, holder: '', priceType: '' })).toHaveProperty('problem');
  });

  it('names the taken seats and the event when a subscription is refused', () => {
    const err = new ApiError(
      409,
      'SEATS_UNAVAILABLE',
      'Night 2 (ev_2): Not available: seats R1-1',
      {
        seats: ['R1-1'],
      },
    );
    expect(subscriptionProblem(err)).toBe(
      'Nothing was booked: seat R1-1 is taken — Night 2 (ev_2): Not available: seats R1-1.',
    );
    expect(
      subscriptionProblem(new ApiError(409, 'ALREADY_RENEWED', 'Subscription su_1 was renewed')),
    ).toBe('This subscription was renewed already: Subscription su_1 was renewed.');
  });

  it('checks the group form: a name and 2 to 500 people', () => {
    const form = { groupName: 'Class 4b', quantity: '24', category: '', sectionId: '' };
    expect(groupInput(form)).toEqual({ input: { groupName: 'Class 4b', quantity: 24 } });
    expect(groupInput({ ...form, category: 'A', sectionId: 'stalls' })).toEqual({
      input: { groupName: 'Class 4b', quantity: 24, category: 'A', sectionId: 'stalls' },
    });
    expect(groupInput({ ...form, groupName: ' ' })).toHaveProperty('problem');
    expect(groupInput({ ...form, quantity: '1' })).toEqual({
      problem: 'A group is 2 to 500 people.',
    });
    expect(groupInput({ ...form, quantity: 'ten' })).toHaveProperty('problem');
  });

  it('refuses a group in plain words when there is no block', () => {
    const err = new ApiError(409, 'SEATS_UNAVAILABLE', 'No block of 40 seats', { seats: [] });
    expect(groupProblem(err, { groupName: 'Choir', quantity: 40, category: 'A' })).toBe(
      'No block of 40 seats together is free in A. Try a smaller group, another category or section, or split the group. Nothing was booked.',
    );
  });
});
