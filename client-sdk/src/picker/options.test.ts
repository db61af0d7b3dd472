import { describe, expect, it } from 'vitest';
import { canHold, checkOptionChange } from './options.ts';

describe('checkOptionChange', () => {
  const current = { eventId: 'ev1', publicKey: 'pk_a', maxSeats: 4 };

  it('accepts changes of everything but the connection', () => {
    expect(() => checkOptionChange(current, { maxSeats: 2, priceType: 'reduced' })).not.toThrow();
    expect(() => checkOptionChange(current, { eventId: 'ev1' })).not.toThrow();
  });

  it('refuses a new event or key, naming the option', () => {
    expect(() => checkOptionChange(current, { eventId: 'ev2' })).toThrow(
      'Option "eventId" is fixed at mount; destroy() and mount again to change it',
    );
    expect(() => checkOptionChange(current, { publicKey: 'pk_b' })).toThrow(/"publicKey"/);
  });

  it('refuses a maxSeats that is not a positive integer', () => {
    for (const maxSeats of [0, -1, 2.5, Number.NaN]) {
      expect(() => checkOptionChange(current, { maxSeats })).toThrow(
        /maxSeats must be a positive integer/,
      );
    }
  });
});

describe('canHold', () => {
  it('recognises sources that can hold and release', () => {
    const holder = { hold: async () => undefined, release: async () => undefined };
    expect(canHold(holder)).toBe(true);
    expect(canHold({ hold: async () => undefined })).toBe(false);
    expect(canHold(undefined)).toBe(false);
  });
});
