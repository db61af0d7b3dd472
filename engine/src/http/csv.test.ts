import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('writes a header and one CRLF line per row, empty cells for null', () => {
    const rows = [
      { key: 'A', currency: 'EUR', count: 2 },
      { key: null, currency: null, count: 0 },
    ];
    expect(toCsv(rows, ['key', 'currency', 'count'])).toBe(
      'key,currency,count\r\nA,EUR,2\r\n,,0\r\n',
    );
  });

  it('quotes separators and quotes, and defuses spreadsheet formulas', () => {
    const rows = [{ a: 'x,y', b: 'say "hi"', c: '=SUM(A1)', d: '-5 off' }];
    expect(toCsv(rows, ['a', 'b', 'c', 'd']).split('\r\n')[1]).toBe(
      `"x,y","say ""hi""",'=SUM(A1),'-5 off`,
    );
  });
});
