import { describe, expect, it } from 'vitest';
import { smallPlan } from '../model/fixtures.test-helpers.ts';
import { loadSeatmap } from './load.ts';

const blockSection = {
  type: 'section',
  id: 'upper',
  label: 'Upper',
  level: 'main',
  transform: { x: 100, y: 600 },
  block: {
    kind: 'trapezoid',
    rows: 3,
    seatsPerRow: 6,
    seatsIncrement: 1,
    seatSpacing: 25,
    rowSpacing: 40,
  },
};

const issues = (r: ReturnType<typeof loadSeatmap>) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('loadSeatmap', () => {
  it('migrates, validates and expands blocks', () => {
    const input = smallPlan();
    const result = loadSeatmap({ ...input, sections: [...input.sections!, blockSection] });
    expect(result.success).toBe(true);
    expect(result.data?.sections[1]?.rows.map((r) => r.seats.length)).toEqual([6, 7, 8]);
  });

  it('upgrades a version-1 document (no levels)', () => {
    const { levels: _levels, ...v1 } = smallPlan();
    const old = {
      ...v1,
      schemaVersion: 1,
      sections: v1.sections!.map(({ level: _level, ...s }) => s),
    };
    const result = loadSeatmap(old);
    expect(result.success).toBe(true);
    expect(result.data?.sections[0]?.level).toBe('main');
  });

  it('reports schema problems with their paths', () => {
    expect(issues(loadSeatmap({ ...smallPlan(), name: '' }))).toEqual([
      'name: Too small: expected string to have >=1 characters',
    ]);
  });

  it('reports unreadable input as an issue instead of throwing', () => {
    expect(issues(loadSeatmap('nope'))).toEqual([': a seat-map document must be a JSON object']);
    expect(issues(loadSeatmap({ ...smallPlan(), schemaVersion: 99 }))?.[0]).toMatch(
      /^schemaVersion: .*newer than this Parterre understands/,
    );
  });

  it('reports block parameters that cannot be expanded at the block', () => {
    const input = smallPlan();
    const bad = { ...blockSection, block: { ...blockSection.block, seatsIncrement: -3 } };
    expect(issues(loadSeatmap({ ...input, sections: [...input.sections!, bad] }))).toEqual([
      'sections.1.block: block row 3 would have 0 seats (seatsPerRow 6, seatsIncrement -3); rows hold 1 to 1000 seats',
    ]);
  });
});
