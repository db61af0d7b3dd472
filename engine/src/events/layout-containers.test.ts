import { describe, expect, it } from 'vitest';
import { sharedLabelContainers } from './layout-containers.ts';

const seats = (...containers: [number, string, string, boolean?][]) =>
  containers.flatMap(([container, section, row, atTable]) =>
    [0, 1].map(() => ({ container, section, row, ...(atTable ? { atTable: true as const } : {}) })),
  );

describe('sharedLabelContainers', () => {
  it('is empty when every row and table label is unique in its section', () => {
    expect(
      sharedLabelContainers(
        seats([0, 'Stalls', 'A'], [1, 'Stalls', 'B'], [2, 'Circle', 'A'], [3, 'Stalls', 'A', true]),
      ),
    ).toEqual(new Set());
  });

  it('names every record of a label repeated in one section, adjacent or not', () => {
    const found = sharedLabelContainers(
      seats(
        [0, 'Hall', 'Table 3', true],
        [1, 'Hall', 'Table 3', true],
        [2, 'Hall', 'A'],
        [3, 'Hall', 'B'],
        [4, 'Hall', 'A'],
      ),
    );
    expect(found).toEqual(new Set([0, 1, 2, 4]));
  });
});
