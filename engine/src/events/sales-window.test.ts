import { describe, expect, it } from 'vitest';
import { openedNow, salesClosedMessage, salesState } from './sales-window.ts';

const at = (iso: string) => new Date(iso);
const now = at('2026-05-01T12:00:00Z');
const window = {
  salesOpen: true,
  salesOpensAt: at('2026-05-02T10:00:00Z'),
  salesClosesAt: at('2026-05-10T10:00:00Z'),
};

describe('sales window', () => {
  it('is open only with the switch on and now inside [opens, closes)', () => {
    expect(salesState(window, now.getTime())).toBe('not-yet-open');
    expect(salesState(window, at('2026-05-02T10:00:00Z').getTime())).toBe('open');
    expect(salesState(window, at('2026-05-10T10:00:00Z').getTime())).toBe('ended');
    expect(salesState({ ...window, salesOpen: false }, at('2026-05-05T00:00:00Z').getTime())).toBe(
      'closed',
    );
    expect(salesState({ salesOpen: true, salesOpensAt: null, salesClosesAt: null }, 0)).toBe(
      'open',
    );
  });

  it('names when sales open in the refusal', () => {
    expect(salesClosedMessage('Tosca', window, now.getTime())).toBe(
      'Sales for Tosca open at 2026-05-02T10:00:00.000Z',
    );
    expect(salesClosedMessage('Tosca', window, at('2026-06-01T00:00:00Z').getTime())).toBe(
      'Sales for Tosca ended at 2026-05-10T10:00:00.000Z',
    );
  });

  it('opens now: moves a future opening to now and drops a passed close', () => {
    expect(openedNow({ ...window, salesOpen: false }, now)).toEqual({
      salesOpen: true,
      salesOpensAt: now,
      salesClosesAt: window.salesClosesAt,
    });
    const late = at('2026-06-01T00:00:00Z');
    expect(openedNow(window, late)).toEqual({
      salesOpen: true,
      salesOpensAt: window.salesOpensAt,
      salesClosesAt: null,
    });
    expect(salesState(openedNow(window, late), late.getTime())).toBe('open');
  });
});
