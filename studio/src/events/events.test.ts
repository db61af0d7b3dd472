import { describe, expect, it } from 'vitest';
import { gridFromPrices, parsePriceTypes, pricesFromGrid } from './price-grid.ts';
import { sellThrough } from './sell-through.ts';

describe('price grid', () => {
  it('turns cells into prices in minor units', () => {
    const r = pricesFromGrid(
      ['A', 'B'],
      ['full', 'reduced'],
      { 'A/full': '45', 'A/reduced': '22.50', 'B/full': '30,00' },
      'EUR',
    );
    expect(r.problems).toEqual({});
    expect(r.prices).toEqual([
      { category: 'A', priceType: 'full', amount: 4500, currency: 'EUR' },
      { category: 'A', priceType: 'reduced', amount: 2250, currency: 'EUR' },
      { category: 'B', priceType: 'full', amount: 3000, currency: 'EUR' },
    ]);
  });
  it('names every bad cell, a category without any price and a bad currency', () => {
    const r = pricesFromGrid(['A', 'B'], ['full'], { 'A/full': 'ten' }, 'euro');
    expect(r.problems).toEqual({
      currency: 'Use a three-letter code such as EUR.',
      'A/full': '“ten” is not a price; type it like 12.50.',
      'B/full': 'Give this category at least one price.',
    });
  });
  it('reads price types as typed and round-trips a price list', () => {
    expect(parsePriceTypes('Full, reduced , ,child,full')).toEqual(['full', 'reduced', 'child']);
    const prices = [
      { category: 'A', priceType: 'full', amount: 4500, currency: 'GBP' },
      { category: 'A', priceType: 'member', amount: 4000, currency: 'GBP' },
    ];
    const grid = gridFromPrices(prices);
    expect(grid).toEqual({
      cells: { 'A/full': '45.00', 'A/member': '40.00' },
      priceTypes: ['full', 'member'],
      currency: 'GBP',
    });
    expect(pricesFromGrid(['A'], grid.priceTypes, grid.cells, 'GBP').prices).toEqual(prices);
  });
});

describe('sell-through', () => {
  it('counts seats and standing places sold over the capacity', () => {
    const s = sellThrough({
      counts: { free: 50, held: 5, booked: 40, blocked: 5 },
      ga: [{ capacity: 100, held: 10, booked: 50 }],
    });
    expect(s).toEqual({ capacity: 200, sold: 90, held: 15, blocked: 5, free: 90, ratio: 90 / 200 });
    expect(sellThrough({ counts: { free: 0, held: 0, booked: 0, blocked: 0 }, ga: [] }).ratio).toBe(
      0,
    );
  });
});
