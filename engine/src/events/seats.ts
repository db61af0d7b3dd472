// Translation between the seat ids clients speak and the dense indexes the store speaks.
import { DomainError } from '../errors.ts';
import type { EventRuntime } from './catalog.ts';

/**
 * Seat ids → indexes, refusing unknown and repeated ids by name.
 * @example seatIndexes(event, ['A-1', 'A-2']) // [0, 1]
 */
export function seatIndexes(event: EventRuntime, seatIds: readonly string[]): number[] {
  const unknown: string[] = [];
  const repeated = new Set<string>();
  const seen = new Set<number>();
  const indexes: number[] = [];
  for (const id of seatIds) {
    const index = event.layout.indexById.get(id);
    if (index === undefined) unknown.push(id);
    else if (seen.has(index)) repeated.add(id);
    else {
      seen.add(index);
      indexes.push(index);
    }
  }
  if (unknown.length) {
    throw new DomainError('UNKNOWN_SEATS', `No such seats in this event: ${unknown.join(', ')}`, {
      seats: unknown,
    });
  }
  if (repeated.size) {
    throw new DomainError('VALIDATION_FAILED', `Seats listed twice: ${[...repeated].join(', ')}`, {
      seats: [...repeated],
      fields: { seats: 'each seat may appear once' },
    });
  }
  return indexes;
}

/** GA area ids must exist in the event's layout. */
export function checkGaAreas(event: EventRuntime, ga: readonly { areaId: string }[]): void {
  const known = new Set(event.layout.gaAreas.map((a) => a.id as string));
  const unknown = ga.map((g) => g.areaId).filter((id) => !known.has(id));
  if (unknown.length) {
    throw new DomainError('UNKNOWN_SEATS', `No such standing areas: ${unknown.join(', ')}`, {
      areas: unknown,
    });
  }
}

/** Indexes → seat ids. */
export function seatIdsOf(event: EventRuntime, indexes: readonly number[]): string[] {
  return indexes.map((i) => event.seatIds[i] ?? `#${i}`);
}
