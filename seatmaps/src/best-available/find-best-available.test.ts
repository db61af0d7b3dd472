import { describe, expect, it } from 'vitest';
import { SeatmapDocument } from '../model/document.ts';
import { smallPlan } from '../model/fixtures.test-helpers.ts';
import { buildLayout } from '../model/layout.ts';
import { findBestAvailable } from './find-best-available.ts';
import type { BestAvailableRequest } from './find-best-available.ts';
import { rowsLayout, statusOf } from './layout.test-helpers.ts';
import type { RowSpec } from './layout.test-helpers.ts';
import { prepareBestAvailable } from './prepare.ts';

/** Runs a request against rows and a status picture; the stage is above the middle of row A. */
function pick(rows: RowSpec[], picture: string, request: Partial<BestAvailableRequest>) {
  const prepared = prepareBestAvailable(rowsLayout(rows));
  const focalPoint = request.focalPoint ?? { x: 135, y: 0 };
  return findBestAvailable(prepared, statusOf(picture), { quantity: 2, ...request, focalPoint });
}

const hall: RowSpec[] = [
  { row: 'A', seats: 10 },
  { row: 'B', seats: 10 },
  { row: 'C', seats: 10 },
];

describe('findBestAvailable', () => {
  it('takes the middle of the front row in an empty hall', () => {
    expect(pick(hall, '.'.repeat(30), { quantity: 4 })).toEqual({
      seats: [3, 4, 5, 6],
      together: true,
    });
    expect(pick(hall, '.'.repeat(30), { quantity: 3 })?.seats).toEqual([3, 4, 5]);
  });

  it('moves back a row when the front row has no block left', () => {
    expect(pick(hall, 'x.x.x.x.x.' + '.'.repeat(20), { quantity: 2 })?.seats).toEqual([14, 15]);
  });

  it('never strands a single seat when another block exists', () => {
    const rows = [{ row: 'A', seats: 6 }];
    const focalPoint = { x: 75, y: 0 }; // between seats 2 and 3
    // [2, 3] is closest but strands seat 1; [3, 4] strands seat 5; [1, 2] strands nothing.
    expect(pick(rows, 'x.....', { quantity: 2, focalPoint })?.seats).toEqual([1, 2]);
    // [2, 3] strands 1 and 4; [1, 2] and [3, 4] are equally good: the first one wins.
    expect(pick(rows, 'x....x', { quantity: 2, focalPoint })?.seats).toEqual([1, 2]);
  });

  it('strands a seat only when every block would', () => {
    expect(pick([{ row: 'A', seats: 3 }], '...', { quantity: 2 })?.seats).toEqual([1, 2]);
    expect(
      pick([{ row: 'A', seats: 5 }], 'x...x', { quantity: 2, focalPoint: { x: 0, y: 0 } })?.seats,
    ).toEqual([1, 2]);
  });

  it('prefers another row over stranding a seat', () => {
    const rows = [
      { row: 'A', seats: 4 },
      { row: 'B', seats: 4 },
    ];
    // Every pair in row A strands a seat, and so does the middle pair of row B.
    const focalPoint = { x: 45, y: 0 };
    expect(pick(rows, 'x...  ....', { quantity: 2, focalPoint })?.seats).toEqual([4, 5]);
  });

  it('filters by category and section', () => {
    const rows: RowSpec[] = [
      { row: 'A', seats: 4, category: ['A', 'A', 'B', 'B'] },
      { section: 'balcony', row: 'A', seats: 4, category: 'B' },
    ];
    expect(pick(rows, '........', { category: 'B' })?.seats).toEqual([2, 3]);
    expect(pick(rows, '........', { category: 'B', sectionId: 'balcony' })?.seats).toEqual([6, 7]);
    expect(pick(rows, '........', { category: 'VIP' })).toBeNull();
    expect(pick(rows, '........', { sectionId: 'gallery' })).toBeNull();
  });

  it('keeps accessible seats for accessible requests', () => {
    const rows: RowSpec[] = [{ row: 'A', seats: 6, accessible: [2, 3] }];
    expect(pick(rows, '......', { quantity: 2, focalPoint: { x: 100, y: 0 } })?.seats).toEqual([
      4, 5,
    ]);
    expect(pick(rows, '......', { quantity: 2, accessible: true })?.seats).toEqual([2, 3]);
    expect(pick(rows, '......', { quantity: 3, accessible: true })).toBeNull();
  });

  it('weighs a restricted view like a seat further back', () => {
    // Ten rows deep: row B is only a tenth of the venue further back than row A.
    const rows: RowSpec[] = Array.from({ length: 10 }, (_, r) => ({
      row: String(r + 1),
      seats: 2,
      restricted: r === 0 ? [0, 1] : [],
    }));
    expect(pick(rows, '.'.repeat(20), { focalPoint: { x: 15, y: 0 } })?.seats).toEqual([2, 3]);
  });

  it('splits the party across rows unless together is required', () => {
    const picture = 'x.x.x.x.x.  .x.x.x.x.x  xxxxxxxx..';
    expect(pick(hall, picture, { quantity: 3 })).toEqual({ seats: [28, 29, 5], together: false });
    expect(pick(hall, picture, { quantity: 3, together: false })?.together).toBe(false);
    expect(pick(hall, picture, { quantity: 3, together: true })).toBeNull();
  });

  it('returns null when fewer seats are free than asked for', () => {
    expect(pick([{ row: 'A', seats: 4 }], 'x.x.', { quantity: 3 })).toBeNull();
    expect(pick([{ row: 'A', seats: 4 }], 'x.x.', { quantity: 2 })).toEqual({
      seats: [3, 1],
      together: false,
    });
  });

  it('returns null for an empty layout', () => {
    const prepared = prepareBestAvailable({ seats: [] });
    expect(
      findBestAvailable(prepared, new Uint8Array(0), { quantity: 1, focalPoint: { x: 0, y: 0 } }),
    ).toBeNull();
  });

  it('treats held, booked and blocked seats alike', () => {
    expect(pick([{ row: 'A', seats: 5 }], 'hxb..', { quantity: 2 })?.seats).toEqual([3, 4]);
  });

  it('works on a layout built from a document, tables included', () => {
    const doc = SeatmapDocument.parse(smallPlan());
    const prepared = prepareBestAvailable(buildLayout(doc));
    const status = statusOf('....');
    const request = { quantity: 1, focalPoint: doc.focalPoint };
    // Seat 0 is closest, but taking it would strand the free (accessible) seat 1 beside it, so
    // the one-seat row B wins.
    expect(findBestAvailable(prepared, status, request)?.seats).toEqual([2]);
    expect(findBestAvailable(prepared, statusOf('.h..'), request)?.seats).toEqual([0]);
    expect(findBestAvailable(prepared, status, { ...request, category: 'B' })?.seats).toEqual([2]);
  });

  it('rejects malformed requests with a clear error', () => {
    const prepared = prepareBestAvailable(rowsLayout([{ row: 'A', seats: 2 }]));
    const base = { quantity: 1, focalPoint: { x: 0, y: 0 } };
    expect(() => findBestAvailable(prepared, new Uint8Array(2), { ...base, quantity: 0 })).toThrow(
      'quantity must be a positive integer, got 0',
    );
    expect(() =>
      findBestAvailable(prepared, new Uint8Array(2), { ...base, quantity: 1.5 }),
    ).toThrow('quantity must be a positive integer, got 1.5');
    expect(() => findBestAvailable(prepared, new Uint8Array(5), base)).toThrow(
      'status has 5 entries but the layout has 2 seats',
    );
    expect(() =>
      findBestAvailable(prepared, new Uint8Array(2), { ...base, focalPoint: { x: NaN, y: 0 } }),
    ).toThrow('focalPoint must have finite x and y, got (NaN, 0)');
  });
});
