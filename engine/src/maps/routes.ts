// REST routes of seat maps: create (from a document or a pretix import), read, save the draft
// under If-Match, publish an immutable version, export. A new map must validate without errors.
// An imported plan or a saved draft only has to match the schema: a designer's work in progress may carry semantic
// problems (returned as `problems`); publishing refuses any error.
import {
  buildLayout,
  exportPretix,
  importPretix,
  migrate,
  PretixImportError,
  PretixPlan,
  SeatmapDocument,
  validateSeatmapJson,
  type ValidationProblem,
} from '@parterre/seatmaps';
import type { Response } from 'express';
import type { EngineContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { ApiRouter } from '../http/api-router.ts';
import { RequestValidationError } from '../http/problem.ts';
import {
  CreateSeatmapBody,
  CreateSeatmapDoc,
  DraftSaved,
  Exported,
  ExportQuery,
  IfMatch,
  ImportBody,
  ImportDoc,
  ImportQuery,
  Published,
  SaveDraftBody,
  SaveDraftDoc,
  SeatmapCreated,
  SeatmapIdParams,
  SeatmapList,
  SeatmapView,
} from './api-schemas.ts';
import { publishSeatmap } from './publish.ts';
import {
  createSeatmap,
  getSeatmap,
  getVersion,
  listSeatmaps,
  listVersions,
  saveDraft,
  type Seatmap,
} from './repo.ts';

interface CheckedDocument {
  /** Migrated and parsed, blocks not expanded: what the designer edits. */
  draft: SeatmapDocument;
  /** Blocks expanded into rows: what is published and laid out. */
  expanded: SeatmapDocument;
  problems: ValidationProblem[];
}

const invalid = (problems: readonly ValidationProblem[], what: string) => {
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors.slice(0, 3).map((p) => p.message);
  return new DomainError(
    'INVALID_DOCUMENT',
    `${what}: ${errors.length} problem(s): ${first.join(' ')}${errors.length > 3 ? ' …' : ''}`,
    { problems: [...problems] },
  );
};

/**
 * Migrates, parses and checks a document. Schema problems always refuse it (422); semantic errors
 * (a block that cannot generate rows among them) only with `refuseErrors`.
 */
function checkDocument(json: unknown, refuseErrors: boolean): CheckedDocument {
  const { document: expanded, problems } = validateSeatmapJson(json);
  if (!expanded) throw invalid(problems, 'The document does not match the seat-map schema');
  if (refuseErrors && problems.some((p) => p.severity === 'error')) {
    throw invalid(problems, 'The seat map has errors');
  }
  // Parses whenever validation did; the draft keeps compact blocks as the designer made them.
  const draft = migrate(json);
  if (!draft.success) throw draft.error;
  return { draft: draft.data, expanded, problems };
}

async function mapOrThrow(ctx: EngineContext, orgId: string, id: string): Promise<Seatmap> {
  const map = await getSeatmap(ctx.db, orgId, id);
  if (!map) throw new DomainError('NOT_FOUND', `Seat map ${id} not found`);
  return map;
}

const etag = (draftVersion: number) => `"${draftVersion}"`;

/** The draft version an If-Match header names: `"3"`, `W/"3"` or `3`. */
function ifMatchVersion(header: string | undefined): number {
  if (header === undefined) {
    throw new DomainError(
      'PRECONDITION_REQUIRED',
      'Send If-Match with the draft version you edited (the ETag of GET /seatmaps/{id}), so concurrent edits are not overwritten',
    );
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new RequestValidationError('header', [
      {
        code: 'custom',
        path: ['If-Match'],
        message: 'must be a draft version such as "3"',
        input: header,
      },
    ]);
  }
  return Number(match[1]);
}

function registerCreate(api: ApiRouter, ctx: EngineContext): void {
  const create = async (orgId: string, name: string, checked: CheckedDocument, res: Response) => {
    const map = await createSeatmap(ctx.db, { orgId, name, draft: checked.draft });
    res.setHeader('ETag', etag(map.draftVersion));
    return {
      id: map.id,
      draftVersion: map.draftVersion,
      seatCount: buildLayout(checked.expanded).seats.length,
      problems: checked.problems,
    };
  };
  api.add({
    method: 'post',
    path: '/seatmaps',
    operationId: 'createSeatmap',
    summary: 'Create a seat map from a document (any schema version)',
    tag: 'seatmaps',
    access: 'secret',
    role: 'designer',
    body: CreateSeatmapBody,
    bodyDoc: CreateSeatmapDoc,
    responses: { 201: { description: 'Created; the draft is version 1', schema: SeatmapCreated } },
    errors: [422],
    handler: async ({ body, principal, res }) => ({
      status: 201,
      body: await create(principal.orgId, body.name, checkDocument(body.document, true), res),
    }),
  });
  api.add({
    method: 'post',
    path: '/seatmaps/import',
    operationId: 'importSeatmap',
    summary: 'Create a seat map from a pretix seating-plan JSON',
    tag: 'seatmaps',
    access: 'secret',
    role: 'designer',
    query: ImportQuery,
    body: ImportBody,
    bodyDoc: ImportDoc,
    responses: { 201: { description: 'Created, with import warnings', schema: SeatmapCreated } },
    errors: [422],
    handler: async ({ body, query, principal, res }) => {
      const imported = importPretixOrThrow(body, query.rekeyDuplicates === 'true');
      const name = query.name ?? imported.document.name;
      const checked = checkDocument(imported.document, false);
      const created = await create(principal.orgId, name, checked, res);
      return { status: 201, body: { ...created, warnings: imported.warnings } };
    },
  });
}

function importPretixOrThrow(json: unknown, rekeyDuplicates: boolean) {
  try {
    return importPretix(json, { rekeyDuplicates });
  } catch (err) {
    if (!(err instanceof PretixImportError)) throw err;
    throw new DomainError('INVALID_DOCUMENT', `Cannot import the pretix plan: ${err.message}`, {
      problems: [...err.issues],
    });
  }
}

function registerReadAndSave(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'get',
    path: '/seatmaps',
    operationId: 'listSeatmaps',
    summary: 'The organisation’s seat maps, most recently edited first (no documents)',
    tag: 'seatmaps',
    access: 'secret',
    role: 'viewer',
    responses: { 200: { description: 'Seat maps', schema: SeatmapList } },
    errors: [],
    handler: async ({ principal }) => ({
      body: {
        seatmaps: (await listSeatmaps(ctx.db, principal.orgId)).map((m) => ({
          ...m,
          createdAt: m.createdAt.toISOString(),
          updatedAt: m.updatedAt.toISOString(),
        })),
      },
    }),
  });
  api.add({
    method: 'get',
    path: '/seatmaps/:id',
    operationId: 'getSeatmap',
    summary: 'A seat map with its draft (ETag: the draft version) and published versions',
    tag: 'seatmaps',
    access: 'secret',
    role: 'viewer',
    params: SeatmapIdParams,
    responses: { 200: { description: 'The seat map', schema: SeatmapView } },
    errors: [404],
    handler: async ({ params, principal }) => {
      const map = await mapOrThrow(ctx, principal.orgId, params.id);
      const versions = await listVersions(ctx.db, principal.orgId, map.id);
      return {
        headers: { ETag: etag(map.draftVersion) },
        body: {
          id: map.id,
          name: map.name,
          draftVersion: map.draftVersion,
          document: map.draft,
          createdAt: map.createdAt,
          updatedAt: map.updatedAt,
          versions: versions.map(({ version, seatCount, publishedAt }) => ({
            version,
            seatCount,
            publishedAt,
          })),
        },
      };
    },
  });
  api.add({
    method: 'put',
    path: '/seatmaps/:id/draft',
    operationId: 'saveDraft',
    summary: 'Save the draft, if it is still the version named by If-Match',
    tag: 'seatmaps',
    access: 'secret',
    role: 'designer',
    params: SeatmapIdParams,
    headers: [
      { name: 'If-Match', required: true, description: IfMatch.description ?? '', schema: IfMatch },
    ],
    body: SaveDraftBody,
    bodyDoc: SaveDraftDoc,
    responses: { 200: { description: 'Saved; ETag is the new draft version', schema: DraftSaved } },
    errors: [404, 412, 422, 428],
    handler: async ({ params, body, principal, req }) => {
      const expected = ifMatchVersion(req.get('if-match'));
      const checked = checkDocument(body.document, false);
      const saved = await saveDraft(ctx.db, principal.orgId, params.id, expected, checked.draft);
      if (!saved.ok && saved.reason === 'not_found') {
        throw new DomainError('NOT_FOUND', `Seat map ${params.id} not found`);
      }
      if (!saved.ok) {
        throw new DomainError(
          'PRECONDITION_FAILED',
          `The draft is at version ${saved.currentVersion}, not ${expected}: someone saved in between; reload it and apply your change again`,
        );
      }
      return {
        headers: { ETag: etag(saved.draftVersion) },
        body: {
          id: params.id,
          draftVersion: saved.draftVersion,
          seatCount: buildLayout(checked.expanded).seats.length,
          problems: checked.problems,
        },
      };
    },
  });
}

function registerPublishAndExport(api: ApiRouter, ctx: EngineContext): void {
  api.add({
    method: 'post',
    path: '/seatmaps/:id/publish',
    operationId: 'publishSeatmap',
    summary: 'Publish the draft as a new immutable version (refused while it has errors)',
    tag: 'seatmaps',
    access: 'secret',
    role: 'designer',
    params: SeatmapIdParams,
    responses: { 201: { description: 'Published', schema: Published } },
    errors: [404, 422],
    handler: async ({ params, principal }) => {
      return { status: 201, body: await publishSeatmap(ctx.db, principal.orgId, params.id) };
    },
  });
  api.add({
    method: 'get',
    path: '/seatmaps/:id/export',
    operationId: 'exportSeatmap',
    summary: 'The draft or a published version as a Parterre document or a pretix plan',
    tag: 'seatmaps',
    access: 'secret',
    role: 'viewer',
    params: SeatmapIdParams,
    query: ExportQuery,
    responses: { 200: { description: 'The document', schema: Exported } },
    errors: [404],
    handler: async ({ params, query, principal }) => {
      const map = await mapOrThrow(ctx, principal.orgId, params.id);
      let document: unknown = map.draft;
      if (query.version !== undefined) {
        const stored = await getVersion(ctx.db, principal.orgId, map.id, query.version);
        if (!stored)
          throw new DomainError('NOT_FOUND', `Seat map ${map.id} has no version ${query.version}`);
        document = stored.document;
      }
      if (query.format === 'parterre') return { body: document };
      return { body: exportPretix(checkDocument(document, false).expanded).plan };
    },
  });
}

/**
 * Registers the seat-map routes.
 * @example registerMapRoutes(api, ctx);
 */
export function registerMapRoutes(api: ApiRouter, ctx: EngineContext): void {
  api.component(SeatmapDocument, 'SeatmapDocument');
  api.component(PretixPlan, 'PretixPlan');
  registerCreate(api, ctx);
  registerReadAndSave(api, ctx);
  registerPublishAndExport(api, ctx);
}
