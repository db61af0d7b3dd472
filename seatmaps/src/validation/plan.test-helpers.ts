// Tiny builders for hand-made plans in validation tests: every record gets sensible defaults so a
// test spells out only what it is about.
import { SeatmapDocument } from '../model/document.ts';
import type { SeatmapDocumentInput } from '../model/document.ts';
import type { Check } from './check.ts';
import type { ValidationProblem } from './problem.ts';
import { seatEntries } from './seat-entries.ts';

type Input = Record<string, unknown>;

export const seat = (id: string, label: string, x: number, y: number, extra: Input = {}) => ({
  type: 'seat',
  id,
  label,
  x,
  y,
  ...extra,
});

export const row = (id: string, label: string, seats: Input[], extra: Input = {}) => ({
  type: 'row',
  id,
  label,
  generator: { kind: 'manual' },
  seats,
  ...extra,
});

/** A straight row of `count` seats labelled 1…count, 30 units apart, starting at (x, y). */
export const straightRow = (id: string, label: string, count: number, x = 0, y = 0) =>
  row(
    id,
    label,
    Array.from({ length: count }, (_, i) => seat(`${id}-${i + 1}`, String(i + 1), x + i * 30, y)),
  );

export const section = (id: string, label: string, content: Input = {}) => ({
  type: 'section',
  id,
  label,
  level: 'main',
  transform: { x: 100, y: 100 },
  category: 'std',
  ...content,
});

export function plan(sections: Input[], extra: Input = {}): SeatmapDocumentInput {
  return {
    schemaVersion: 2,
    name: 'Test hall',
    size: { width: 1000, height: 1000 },
    focalPoint: { x: 500, y: 0 },
    categories: [{ key: 'std', label: 'Standard', color: '#1971c2' }],
    levels: [{ id: 'main', name: 'Main floor' }],
    sections,
    ...extra,
  } as unknown as SeatmapDocumentInput;
}

/** Parses `input` and runs one check over it. */
export function runCheck(check: Check, input: SeatmapDocumentInput): ValidationProblem[] {
  const doc = SeatmapDocument.parse(input);
  return check({ doc, seats: seatEntries(doc) });
}
