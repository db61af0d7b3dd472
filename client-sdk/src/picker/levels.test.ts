import { describe, expect, it } from 'vitest';
import { onLevel, packLevels } from './levels.ts';
import type { PickerLayout } from './types.ts';

const seat = (index: number, level?: string) => ({
  index,
  id: `S-${index}`,
  label: String(index),
  row: 'A',
  section: 'S',
  category: null,
  x: 0,
  y: 0,
  flags: [],
  ...(level === undefined ? {} : { level }),
});

function layout(parts: Partial<PickerLayout>): PickerLayout {
  return {
    event: { id: 'e', name: 'E', startsAt: '', salesOpen: true, holdTtlSeconds: 60 },
    size: { width: 10, height: 10 },
    focalPoint: { x: 0, y: 0 },
    categories: [],
    seats: [],
    gaAreas: [],
    prices: [],
    ...parts,
  };
}

describe('packLevels', () => {
  it('numbers seats and standing areas by their level in document order', () => {
    const packed = packLevels(
      layout({
        levels: [
          { id: 'stalls', name: 'Stalls' },
          { id: 'balcony', name: 'Balcony' },
        ],
        seats: [seat(0, 'balcony'), seat(1, 'stalls'), seat(2, 'balcony')],
        gaAreas: [
          {
            id: 'pit',
            label: 'Pit',
            section: 'S',
            level: 'stalls',
            capacity: 5,
            category: null,
            outline: [],
          },
        ],
      }),
    );
    expect(packed.levels.map((l) => l.id)).toEqual(['stalls', 'balcony']);
    expect([...packed.seatLevel]).toEqual([1, 0, 1]);
    expect([...packed.areaLevel]).toEqual([0]);
  });

  it('puts everything on one level when the engine sends no levels', () => {
    const packed = packLevels(layout({ seats: [seat(0), seat(1)] }));
    expect(packed.levels).toEqual([{ id: '', name: 'All seats' }]);
    expect([...packed.seatLevel]).toEqual([0, 0]);
  });

  it('appends a level a seat names but the list lacks, so no seat is unreachable', () => {
    const packed = packLevels(
      layout({ levels: [{ id: 'stalls', name: 'Stalls' }], seats: [seat(0, 'box')] }),
    );
    expect(packed.levels).toEqual([
      { id: 'stalls', name: 'Stalls' },
      { id: 'box', name: 'box' },
    ]);
    expect([...packed.seatLevel]).toEqual([1]);
  });
});

describe('onLevel', () => {
  it('keeps only the seats of the shown level, in order', () => {
    const seatLevel = Uint8Array.from([0, 1, 1, 0, 1]);
    expect(onLevel([4, 0, 2, 3], seatLevel, 1)).toEqual([4, 2]);
    expect(onLevel([4, 0, 2, 3], seatLevel, 0)).toEqual([0, 3]);
  });
});
