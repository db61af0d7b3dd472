import { describe, expect, it } from 'vitest';
import { blockLabels, rowLabels, seatLabels } from './numbering.ts';

describe('seatLabels', () => {
  it('numbers 1…n left to right by default', () => {
    expect(seatLabels(4)).toEqual(['1', '2', '3', '4']);
  });

  it('numbers right to left, from a start, with a prefix', () => {
    expect(seatLabels(3, { direction: 'rtl', start: 10, prefix: 'B' })).toEqual([
      'B12',
      'B11',
      'B10',
    ]);
  });

  it('steps odd or even numbers from the first matching number at or after start', () => {
    expect(seatLabels(4, { pattern: 'odd' })).toEqual(['1', '3', '5', '7']);
    expect(seatLabels(3, { pattern: 'even' })).toEqual(['2', '4', '6']);
    expect(seatLabels(3, { pattern: 'even', start: 6, direction: 'rtl' })).toEqual([
      '10',
      '8',
      '6',
    ]);
    expect(seatLabels(2, { pattern: 'odd', start: -4 })).toEqual(['-3', '-1']);
  });

  it('continues from an offset for continuous block numbering', () => {
    expect(seatLabels(2, { pattern: 'odd' }, 3)).toEqual(['7', '9']);
    expect(seatLabels(2, { direction: 'rtl' }, 5)).toEqual(['7', '6']);
  });

  it('rejects a bad count or scheme with a clear error', () => {
    expect(() => seatLabels(-1)).toThrow('seat count must be a non-negative integer, got -1');
    expect(() => seatLabels(2.5)).toThrow(/seat count/);
    expect(() => seatLabels(2, { pattern: 'prime' as 'odd' })).toThrow(/pattern/);
  });
});

describe('rowLabels', () => {
  it('uses letters, skipping I and O by default', () => {
    expect(rowLabels(10).join('')).toBe('ABCDEFGHJK');
    expect(rowLabels(14).slice(-2)).toEqual(['N', 'P']);
  });

  it('continues with AA, AB… after Z, skipping the same letters', () => {
    const labels = rowLabels(60);
    expect(labels[23]).toBe('Z');
    expect(labels.slice(24, 27)).toEqual(['AA', 'AB', 'AC']);
    expect(labels).not.toContain('AI');
    expect(new Set(labels).size).toBe(60);
  });

  it('starts at an index into the letter sequence and honours a custom skip list', () => {
    expect(rowLabels(3, { start: 7 })).toEqual(['H', 'J', 'K']);
    expect(rowLabels(3, { skip: ['b', 'C'] })).toEqual(['A', 'D', 'E']);
    expect(rowLabels(2, { skip: [], start: 8 })).toEqual(['I', 'J']);
  });

  it('numbers rows from start', () => {
    expect(rowLabels(3, { style: 'numbers', start: 1 })).toEqual(['1', '2', '3']);
  });

  it('fails clearly when every letter is skipped', () => {
    const all = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
    expect(() => rowLabels(1, { skip: all })).toThrow('row labeling skips every letter A–Z');
  });
});

describe('blockLabels', () => {
  it('restarts seat numbers per row by default', () => {
    expect(blockLabels([2, 3])).toEqual([
      { row: 'A', seats: ['1', '2'], offset: 0 },
      { row: 'B', seats: ['1', '2', '3'], offset: 0 },
    ]);
  });

  it('numbers seats continuously across the block', () => {
    const rows = blockLabels([2, 3], { continuousSeats: true, style: 'numbers', start: 1 });
    expect(rows.map((r) => [r.row, r.seats.join(',')])).toEqual([
      ['1', '1,2'],
      ['2', '3,4,5'],
    ]);
    expect(rows[1]?.offset).toBe(2);
  });

  it('applies direction within each row of a continuous block', () => {
    const rows = blockLabels([2, 2], { continuousSeats: true }, { direction: 'rtl' });
    expect(rows.map((r) => r.seats)).toEqual([
      ['2', '1'],
      ['4', '3'],
    ]);
  });
});
