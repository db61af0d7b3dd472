// Request and answer schemas of the seat-map routes (parsing and OpenAPI share them). Documents
// are parsed as `unknown` here and checked by the seatmaps validation, which answers 422 with
// every problem named; the OpenAPI document still describes them with the full document schema.
import { PretixPlan, SeatmapDocument } from '@parterre/seatmaps';
import { z } from 'zod';

export const SeatmapIdParams = z.strictObject({ id: z.string().min(1).max(100) });

const Name = z.string().trim().min(1).max(200);

export const CreateSeatmapBody = z.strictObject({ name: Name, document: z.unknown() });
export const CreateSeatmapDoc = z.object({ name: Name, document: SeatmapDocument });

export const SaveDraftBody = z.strictObject({ document: z.unknown() });
export const SaveDraftDoc = z.object({ document: SeatmapDocument });

export const ImportQuery = z.strictObject({
  format: z.literal('pretix').describe('The format of the uploaded plan'),
  name: Name.optional().describe("The map's name (default: the plan's name)"),
  rekeyDuplicates: z
    .enum(['true', 'false'])
    .default('false')
    .describe('Keep seats whose seat_guid repeats by giving them new ids (listed in warnings)'),
});
export const ImportBody = z.unknown();
export const ImportDoc = PretixPlan;

export const ExportQuery = z.strictObject({
  format: z.enum(['parterre', 'pretix']).default('parterre'),
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('A published version; omitted exports the draft'),
});

export const IfMatch = z
  .string()
  .min(1)
  .describe('The draft version from the ETag of GET /seatmaps/{id}');

const Problem = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  elementIds: z.array(z.string()),
});

export const SeatmapCreated = z.object({
  id: z.string(),
  draftVersion: z.number().int(),
  seatCount: z.number().int(),
  problems: z.array(Problem).describe('Warnings and errors of the draft; errors block publishing'),
  warnings: z
    .array(z.object({ code: z.string(), path: z.string(), message: z.string() }))
    .optional()
    .describe('What an import could not carry over exactly'),
});

export const DraftSaved = z.object({
  id: z.string(),
  draftVersion: z.number().int(),
  seatCount: z.number().int(),
  problems: z.array(Problem),
});

export const SeatmapView = z.object({
  id: z.string(),
  name: z.string(),
  draftVersion: z.number().int(),
  document: z.unknown().describe('The draft document'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      seatCount: z.number().int(),
      publishedAt: z.iso.datetime(),
    }),
  ),
});

export const SeatmapList = z.object({
  seatmaps: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      draftVersion: z.number().int(),
      createdAt: z.iso.datetime(),
      updatedAt: z.iso.datetime(),
      latestVersion: z.number().int().nullable().describe('Newest published version; null: never'),
      latestSeatCount: z.number().int().nullable(),
      versions: z.array(z.number().int()).describe('Published version numbers, oldest first'),
    }),
  ),
});

export const Published = z.object({ version: z.number().int(), seatCount: z.number().int() });

export const Exported = z.unknown().describe('A Parterre document or a pretix seating plan');
