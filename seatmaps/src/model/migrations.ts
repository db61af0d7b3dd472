// Numbered up/down migrations of the document format (named like tldraw's `seatmaps.document/2`).
// Each works on plain JSON so it can run before the current schema can parse the document.
import type { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, SeatmapDocument } from './document.ts';

type Json = Record<string, unknown>;

export interface Migration {
  /** `seatmaps.document/<to>` */
  readonly id: string;
  /** Turns a document of version `to - 1` into version `to`. */
  readonly up: (doc: Json) => Json;
  /** Turns a document of version `to` back into `to - 1`, losing only what `to` added. */
  readonly down: (doc: Json) => Json;
  readonly to: number;
}

const DEFAULT_LEVEL = { id: 'main', name: 'Main floor' };
const asArray = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/** In order; `migrations[i].to === i + 2`. */
export const migrations: readonly Migration[] = [
  {
    id: 'seatmaps.document/2',
    to: 2,
    // v2 added floors: every section, shape and text sits on a level.
    up: (doc) => ({
      ...doc,
      schemaVersion: 2,
      levels: [DEFAULT_LEVEL],
      sections: asArray(doc.sections).map((s) => ({ ...s, level: DEFAULT_LEVEL.id })),
      shapes: asArray(doc.shapes).map((s) => ({ ...s, level: DEFAULT_LEVEL.id })),
      texts: asArray(doc.texts).map((t) => ({ ...t, level: DEFAULT_LEVEL.id })),
    }),
    down: (doc) => {
      const strip = (items: unknown) => asArray(items).map(({ level: _level, ...rest }) => rest);
      const { levels: _levels, ...rest } = doc;
      return {
        ...rest,
        schemaVersion: 1,
        sections: strip(doc.sections),
        shapes: strip(doc.shapes),
        texts: strip(doc.texts),
      };
    },
  },
];

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

function versionOf(doc: Json): number {
  const v = doc.schemaVersion ?? 1;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new MigrationError(`schemaVersion must be a positive integer, got ${JSON.stringify(v)}`);
  }
  return v;
}

/**
 * Moves a plain-JSON document to `target` (default: current) by applying up or down migrations.
 * Does not validate; use `migrate()` to get a parsed current document.
 * @example migrateJson(oldDoc, 1) // downgrade for an older reader
 */
export function migrateJson(input: unknown, target = CURRENT_SCHEMA_VERSION): Json {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new MigrationError('a seat-map document must be a JSON object');
  }
  let doc = input as Json;
  let version = versionOf(doc);
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new MigrationError(
      `document has schemaVersion ${version}, newer than this Parterre understands (${CURRENT_SCHEMA_VERSION}); upgrade Parterre`,
    );
  }
  if (target < 1 || target > CURRENT_SCHEMA_VERSION) {
    throw new MigrationError(`cannot migrate to schemaVersion ${target}`);
  }
  while (version < target) {
    doc = (migrations[version - 1] as Migration).up(doc);
    version++;
  }
  while (version > target) {
    doc = (migrations[version - 2] as Migration).down(doc);
    version--;
  }
  return doc;
}

/**
 * Upgrades a document of any older version and parses it with the current schema.
 * Returns zod's result so callers can report every issue with its path.
 * @example const result = migrate(JSON.parse(text)); if (result.success) use(result.data);
 */
export function migrate(input: unknown): z.ZodSafeParseResult<SeatmapDocument> {
  return SeatmapDocument.safeParse(migrateJson(input));
}
