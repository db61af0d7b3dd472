// Publishing turns a map's draft into an immutable version: the document is loaded (migrated,
// compact blocks expanded), must validate without errors, and is stored with its seat order. The
// stored document is the expanded one, so a version never depends on generator code that may
// change later: seat indexes are fixed for as long as events point at the version.
import {
  buildLayout,
  loadSeatmap,
  validateSeatmap,
  validateSeatmapJson,
  type SeatmapDocument,
} from '@parterre/seatmaps';
import type { Db } from '../db/db.ts';
import { DomainError } from '../errors.ts';
import { getSeatmap, publishVersion } from './repo.ts';

/**
 * Loads and validates a document from untrusted JSON; INVALID_DOCUMENT lists every error.
 * Warnings do not stop it.
 */
export function acceptDocument(json: unknown): SeatmapDocument {
  const loaded = loadSeatmap(json);
  const problems = loaded.success
    ? validateSeatmap(loaded.data)
    : validateSeatmapJson(json).problems;
  const errors = problems.filter((p) => p.severity === 'error');
  if (!loaded.success || errors.length) {
    const shown = errors.length ? errors : problems;
    throw new DomainError(
      'INVALID_DOCUMENT',
      `The seat map has ${shown.length} problem${shown.length === 1 ? '' : 's'}: ${shown
        .slice(0, 3)
        .map((p) => p.message)
        .join(' ')}`,
      { problems: shown },
    );
  }
  return loaded.data;
}

/**
 * Publishes the current draft of a map as its next version.
 * @example const { version, seatCount } = await publishSeatmap(db, orgId, 'sm_…');
 */
export async function publishSeatmap(
  db: Db,
  orgId: string,
  seatmapId: string,
): Promise<{ version: number; seatCount: number }> {
  const map = await getSeatmap(db, orgId, seatmapId);
  if (!map) throw new DomainError('NOT_FOUND', `Seat map ${seatmapId} not found`);
  const document = acceptDocument(map.draft);
  const layout = buildLayout(document);
  const version = await publishVersion(db, orgId, seatmapId, {
    document,
    seatCount: layout.seats.length,
    layout: {
      seatIds: layout.seats.map((s) => s.id),
      gaAreas: layout.gaAreas.map((a) => ({
        id: a.id,
        capacity: a.capacity,
        category: a.category,
      })),
    },
  });
  return { version, seatCount: layout.seats.length };
}
