// Validation of untrusted JSON (API uploads, CLI files): migrate to the current schema (the same
// steps as `migrate()`, kept apart so issue paths can be resolved), parse with zod, and only if that succeeds run the semantic checks. Schema issues are turned into the
// same ValidationProblem shape, named by the labels found along their path in the raw JSON.
import type { z } from 'zod';
import { SeatmapDocument } from '../model/document.ts';
import { MigrationError, migrateJson } from '../model/migrations.ts';
import type { DocumentPath, ValidationProblem } from './problem.ts';
import { checkDocument } from './check-document.ts';
import type { ValidationOptions } from './check-document.ts';

export interface JsonValidationResult {
  /** The migrated, parsed document with blocks expanded; null when it does not match the schema. */
  readonly document: SeatmapDocument | null;
  /** Schema problems (code `SCHEMA`) or, when the schema passed, the semantic problems. */
  readonly problems: ValidationProblem[];
}

const RECORD_NAMES: Record<string, string> = {
  section: 'section',
  row: 'row',
  table: 'table',
  seat: 'seat',
  ga: 'standing area',
  shape: 'shape',
  text: 'text',
};

interface Found {
  readonly names: string[];
  readonly ids: string[];
  /** The path below the innermost named record, e.g. `x` or `numbering.start`. */
  readonly field: string;
}

function walk(json: unknown, path: DocumentPath): Found {
  const names: string[] = [];
  const ids: string[] = [];
  let field: (string | number)[] = [];
  let node: unknown = json;
  for (const key of path) {
    node =
      node !== null && typeof node === 'object'
        ? (node as Record<string, unknown>)[key]
        : undefined;
    field.push(key);
    if (node === null || typeof node !== 'object') continue;
    const { type, label, id } = node as Record<string, unknown>;
    const kind = typeof type === 'string' ? RECORD_NAMES[type] : undefined;
    if (!kind) continue;
    const name = typeof label === 'string' && label ? label : typeof id === 'string' ? id : '';
    names.push(name ? `${kind} '${name}'` : kind);
    if (typeof id === 'string' && id) ids.push(id);
    field = [];
  }
  return { names, ids, field: field.join('.') };
}

function fromIssue(json: unknown, issue: z.core.$ZodIssue): ValidationProblem {
  const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
  const { names, ids, field } = walk(json, path);
  const where = names.reverse().join(' in ');
  const subject = [where, field && `field '${field}'`].filter(Boolean).join(', ');
  const message = subject
    ? `${subject.charAt(0).toUpperCase()}${subject.slice(1)}: ${issue.message}.`
    : `${issue.message}.`;
  return { code: 'SCHEMA', severity: 'error', path, message, elementIds: ids.slice(-1) };
}

/**
 * Validates untrusted JSON of any schema version: migration, schema, then semantic checks.
 * @example
 * const { document, problems } = validateSeatmapJson(JSON.parse(body));
 * if (problems.some((p) => p.severity === 'error')) reject(problems);
 */
export function validateSeatmapJson(
  json: unknown,
  options: ValidationOptions = {},
): JsonValidationResult {
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateJson(json);
  } catch (err) {
    if (!(err instanceof MigrationError)) throw err;
    const path = /schemaVersion/.test(err.message) ? ['schemaVersion'] : [];
    return {
      document: null,
      problems: [
        {
          code: 'SCHEMA',
          severity: 'error',
          path,
          message: `${err.message.charAt(0).toUpperCase()}${err.message.slice(1)}.`,
          elementIds: [],
        },
      ],
    };
  }
  // Issue paths refer to the migrated JSON, so labels are looked up there.
  const result = SeatmapDocument.safeParse(migrated);
  if (!result.success) {
    return { document: null, problems: result.error.issues.map((i) => fromIssue(migrated, i)) };
  }
  return checkDocument(result.data, options);
}
