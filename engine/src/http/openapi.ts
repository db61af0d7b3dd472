// OpenAPI 3.1 from the route registry. OpenAPI 3.1 schemas are JSON Schema 2020-12, which is what
// zod 4's own `z.toJSONSchema` emits, so no extra library is needed: request schemas are
// converted as inputs (defaults make fields optional), answers as outputs, each named once under
// components.schemas.
import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';
import type { AnyRoute, ApiRouter, ResponseSpec } from './api-router.ts';
import { PROBLEM_TITLES, PROBLEM_CONTENT_TYPE } from './problem.ts';

type Json = Record<string, unknown>;

/** Every problem+json body, as documented. */
export const ProblemSchema = z.object({
  type: z.string().describe('URI reference of the problem kind (an anchor of the docs page)'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().describe('What went wrong, in words meant for the developer'),
  code: z.enum(Object.keys(PROBLEM_TITLES) as [keyof typeof PROBLEM_TITLES]),
  requestId: z.string().optional(),
  seats: z.array(z.string()).optional().describe('Seat ids the problem is about'),
  areas: z.array(z.string()).optional().describe('Standing-area ids the problem is about'),
  fields: z
    .record(z.string(), z.string())
    .optional()
    .describe('Offending field path → message (VALIDATION_FAILED)'),
  problems: z
    .array(z.unknown())
    .optional()
    .describe('Seat-map validation problems (INVALID_DOCUMENT)'),
  retryAfterSeconds: z.number().optional(),
  bookings: z
    .number()
    .int()
    .optional()
    .describe('Live bookings that keep a channel from being deleted (CHANNEL_IN_USE)'),
  expiredAt: z.iso
    .datetime()
    .optional()
    .describe('When the door key sent expired (UNAUTHORIZED); not counted as a failed login'),
});

/** Operations served outside the registry (no API key), documented alongside it. */
export interface ExtraOperation {
  method: 'get';
  path: string;
  operationId: string;
  summary: string;
  contentType: string;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid request (VALIDATION_FAILED), listing the offending fields',
  401: 'Missing or invalid API key or session (UNAUTHORIZED)',
  403: 'Not allowed (FORBIDDEN): a public key on a secret-key operation, a door key on anything but the door’s, a role that may not, or a cookie request without its cross-site proof',
  404: 'Not found, or belongs to another organisation (NOT_FOUND)',
  409: 'Conflict with the live seat state (SEATS_UNAVAILABLE, GA_UNAVAILABLE, …)',
  410: 'The hold expired (HOLD_EXPIRED)',
  412: 'If-Match does not match the current draft version (PRECONDITION_FAILED)',
  422: 'Understood but refused (INVALID_DOCUMENT, UNKNOWN_SEATS, IDEMPOTENCY_KEY_REUSED)',
  428: 'If-Match header required (PRECONDITION_REQUIRED)',
  429: 'Rate limited (RATE_LIMITED)',
  500: 'Unexpected failure (INTERNAL); quote the request id',
  503: 'Database or seat store unavailable (SERVICE_UNAVAILABLE)',
};

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Names schemas once per registry and converts the registry in one go. */
class SchemaSet {
  private readonly registry = z.registry<{ id: string }>();
  private readonly ids = new Map<z.ZodType, string>();

  constructor(private readonly io: 'input' | 'output') {}

  name(schema: z.ZodType, id: string): string {
    const known = this.ids.get(schema);
    if (known) return known;
    this.ids.set(schema, id);
    this.registry.add(schema, { id });
    return id;
  }

  toComponents(): Record<string, Json> {
    const { schemas } = z.toJSONSchema(this.registry, {
      io: this.io,
      uri: (id) => `#/components/schemas/${id}`,
      unrepresentable: 'any',
      // zod marks .readonly() schemas readOnly, which OpenAPI reads as "never sent in requests".
      override: ({ jsonSchema }) => void delete jsonSchema.readOnly,
    });
    return Object.fromEntries(
      Object.entries(schemas).map(([id, s]) => {
        const { $schema: _schema, $id: _id, ...rest } = s as Json;
        return [id, rest];
      }),
    );
  }
}

/** Parameter schemas are small (a string, an enum): inlined rather than named. */
function inline(schema: z.ZodType): Json {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Json;
  return rest;
}

function parameters(route: AnyRoute): Json[] {
  const out: Json[] = [];
  const fromObject = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!(schema instanceof z.ZodObject)) return;
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const required = where === 'path' || !field.safeParse(undefined).success;
      const description = field.description;
      out.push({
        name,
        in: where,
        required,
        ...(description ? { description } : {}),
        schema: inline(field),
      });
    }
  };
  fromObject('path', route.params);
  fromObject('query', route.query);
  for (const h of route.headers ?? []) {
    out.push({
      name: h.name,
      in: 'header',
      required: h.required,
      description: h.description,
      schema: inline(h.schema),
    });
  }
  return out;
}

function successResponse(route: AnyRoute, status: number, spec: ResponseSpec, outputs: SchemaSet) {
  const type = spec.contentType ?? 'application/json';
  const schema = spec.schema
    ? ref(outputs.name(spec.schema, `${pascal(route.operationId)}Response`))
    : { type: 'string' };
  return [String(status), { description: spec.description, content: { [type]: { schema } } }];
}

function errorStatuses(route: AnyRoute): number[] {
  const all = new Set(route.errors);
  if (route.params || route.query || route.body) all.add(400);
  all.add(500).add(503);
  if (route.access !== 'none') all.add(401).add(403).add(429);
  return [...all].sort((a, b) => a - b);
}

/** Who may call a route, as OpenAPI security requirements (any one of them suffices). */
const SECURITY: Record<AnyRoute['access'], Json[]> = {
  none: [],
  staff: [{ staffSession: [] }],
  secret: [{ secretKey: [] }, { staffSession: [] }],
  public: [{ secretKey: [] }, { publicKey: [] }, { staffSession: [] }],
};

function operation(route: AnyRoute, inputs: SchemaSet, outputs: SchemaSet): Json {
  const responses: Json = Object.fromEntries(
    Object.entries(route.responses).map(([s, spec]) =>
      successResponse(route, Number(s), spec, outputs),
    ),
  );
  for (const status of errorStatuses(route)) {
    responses[String(status)] = {
      description: STATUS_TEXT[status] ?? 'Error',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } },
    };
  }
  const bodySchema = route.bodyDoc ?? route.body;
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    security: route.door ? [...SECURITY[route.access], { doorKey: [] }] : SECURITY[route.access],
    parameters: parameters(route),
    ...(bodySchema
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: ref(inputs.name(bodySchema, `${pascal(route.operationId)}Request`)),
              },
            },
          },
        }
      : {}),
    responses,
  };
}

function extraOperation(op: ExtraOperation): Json {
  return {
    operationId: op.operationId,
    summary: op.summary,
    tags: ['meta'],
    security: [],
    responses: {
      '200': { description: op.summary, content: { [op.contentType]: { schema: {} } } },
    },
  };
}

/**
 * The OpenAPI 3.1 document of the registered routes.
 * @example res.json(buildOpenApi(api, extras));
 */
export function buildOpenApi(
  api: Pick<ApiRouter, 'routes' | 'components'>,
  extras: readonly ExtraOperation[],
): Json {
  const { routes } = api;
  const inputs = new SchemaSet('input');
  const outputs = new SchemaSet('output');
  outputs.name(ProblemSchema, 'Problem');
  // Requests are named as given; answers get an `Output` suffix where defaults make them differ.
  for (const [schema, name] of api.components) {
    inputs.name(schema, name);
    outputs.name(schema, `${name}Output`);
  }
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route, inputs, outputs) };
  }
  for (const op of extras) paths[op.path] = { ...paths[op.path], [op.method]: extraOperation(op) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parterre API',
      version: '1.0.0',
      description:
        'Seat maps, events, holds and bookings. Errors are application/problem+json with a stable `code`.',
    },
    servers: [{ url: '/api/v1' }],
    tags: [...new Set(routes.map((r) => r.tag)), 'meta'].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        secretKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'Secret key `sk_…` (server-side): every operation of its organisation.',
        },
        publicKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'Public key `pk_…` (browsers): layout, availability, hold, release, best-available, extend.',
        },
        doorKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'Door key `dk_…` (scanner phones at the entrance): scan tickets, read an event and its attendance; every other operation is 403.',
        },
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            'Staff session cookie set by POST /auth/login (HTTP-only, SameSite=Lax, 12 h). What it may do depends on the role in the active organisation. A state-changing request authenticated by the cookie must send `X-Requested-With: parterre` or an Origin equal to its Host.',
        },
      },
      schemas: { ...inputs.toComponents(), ...outputs.toComponents() },
    },
  };
}
