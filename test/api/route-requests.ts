// Builds a request for any route of the registry from its declaration alone: path params by the
// kind of resource they name, a body and query generated from the route's zod schemas (through
// JSON Schema), headers from the documented header list. Values a test cares about (another
// organisation's ids) are injected by property name, so new routes are covered without edits.
import { z } from 'zod';
import type { AnyRoute } from '../../engine/src/http/api-router.ts';

/** The ids one organisation owns, by the kind of resource a path parameter names. */
export interface ResourceIds {
  eventId: string;
  seatmapId: string;
  holdToken: string;
  bookingId: string;
  keyId: string;
  orgId: string;
  webhookEndpointId: string;
  seriesId: string;
  subscriptionId: string;
  channelId: string;
  /** A staff member's user id (an owner of the organisation). */
  userId: string;
}

/** A request ready to send: method, path with params substituted, query, body, headers. */
export interface BuiltRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  headers: Record<string, string>;
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  minItems?: number;
  default?: unknown;
};

/** The collection a parameter's value belongs to: the path segment before it, or its name. */
const KIND_BY_SEGMENT: Record<string, keyof ResourceIds> = {
  events: 'eventId',
  seatmaps: 'seatmapId',
  'hold-tokens': 'holdToken',
  bookings: 'bookingId',
  keys: 'keyId',
  'api-keys': 'keyId',
  orgs: 'orgId',
  organisations: 'orgId',
  endpoints: 'webhookEndpointId',
  series: 'seriesId',
  subscriptions: 'subscriptionId',
  channels: 'channelId',
  members: 'userId',
};

const KIND_BY_NAME: Record<string, keyof ResourceIds> = {
  eventId: 'eventId',
  seatmapId: 'seatmapId',
  token: 'holdToken',
  holdToken: 'holdToken',
  bookingId: 'bookingId',
  keyId: 'keyId',
  orgId: 'orgId',
  endpointId: 'webhookEndpointId',
  channelId: 'channelId',
  userId: 'userId',
};

/**
 * The id kind each `:param` of a path names; throws for a parameter it cannot place, so a new
 * route with a new kind of resource fails the walk instead of being skipped.
 */
export function paramKinds(path: string): Record<string, keyof ResourceIds> {
  const segments = path.split('/');
  const kinds: Record<string, keyof ResourceIds> = {};
  segments.forEach((segment, i) => {
    if (!segment.startsWith(':')) return;
    const name = segment.slice(1);
    const kind = KIND_BY_NAME[name] ?? KIND_BY_SEGMENT[segments[i - 1] ?? ''];
    if (!kind) throw new Error(`No resource kind known for :${name} in ${path}`);
    kinds[name] = kind;
  });
  return kinds;
}

/** The route's path with every parameter replaced (values are URI-encoded). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
}

/** The path with the ids of `ids` substituted by kind. */
export function pathFor(route: AnyRoute, ids: ResourceIds): string {
  const kinds = paramKinds(route.path);
  const values = Object.fromEntries(Object.entries(kinds).map(([name, kind]) => [name, ids[kind]]));
  return fillPath(route.path, values);
}

const toJson = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Values to use for properties of these names instead of generated ones. */
export type Overrides = Record<string, unknown>;

function stringFor(s: JsonSchema): string {
  if (s.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
  if (s.format === 'uri') return 'https://hooks.example/parterre';
  return 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

function numberFor(s: JsonSchema): number {
  if (s.minimum !== undefined) return Math.max(s.minimum, 1);
  if (s.exclusiveMinimum !== undefined) return s.exclusiveMinimum + 1;
  return 1;
}

/** A minimal value that matches `s`, with every optional property filled in. */
function sample(s: JsonSchema, overrides: Overrides, depth = 0): unknown {
  if (depth > 8) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const options = s.anyOf ?? s.oneOf;
  if (options?.[0]) return sample(options[0], overrides, depth + 1);
  if (s.allOf?.[0]) return sample(s.allOf[0], overrides, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(s.properties ?? {})) {
        out[name] = name in overrides ? overrides[name] : sample(prop, overrides, depth + 1);
      }
      return out;
    }
    case 'array':
      return s.items ? [sample(s.items, overrides, depth + 1)] : [];
    case 'string':
      return stringFor(s);
    case 'integer':
    case 'number':
      return numberFor(s);
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/**
 * Valid-looking values for a schema: one per alternative of a top-level union, each object
 * property taken from `overrides` when named there.
 */
export function samplesOf(schema: z.ZodType | undefined, overrides: Overrides): unknown[] {
  if (!schema) return [undefined];
  const json = toJson(schema);
  const options = json.anyOf ?? json.oneOf;
  const top = options ?? [json];
  return top.map((option) => {
    // A top-level z.unknown() (an uploaded document) has no shape to follow.
    if (Object.keys(option).filter((k) => k !== '$schema').length === 0) {
      return overrides['(body)'] ?? null;
    }
    return sample(option, overrides);
  });
}

/** Query values as strings, dropping what is absent. */
export function queryOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined && v !== null) out[k] = String(v);
  }
  return out;
}

/** Header values by name (case-insensitive); a required header not listed throws. */
export function headersFor(
  route: AnyRoute,
  values: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of route.headers ?? []) {
    const value = values[h.name.toLowerCase()];
    if (value !== undefined) out[h.name] = value;
    else if (h.required) throw new Error(`No value for required header ${h.name} of ${route.path}`);
  }
  return out;
}

/** Every request variant (one per body alternative) for `route` on the resources `ids`. */
export function buildRequests(
  route: AnyRoute,
  ids: ResourceIds,
  overrides: Overrides,
  headerValues: Record<string, string>,
): BuiltRequest[] {
  const path = pathFor(route, ids);
  const query = queryOf(samplesOf(route.query, overrides)[0]);
  const headers = headersFor(route, headerValues);
  return samplesOf(route.body, overrides).map((body) => ({
    method: route.method.toUpperCase(),
    path,
    query,
    ...(route.body ? { body } : {}),
    headers,
  }));
}

/** The URL path plus query string of a built request. */
export function urlOf(req: Pick<BuiltRequest, 'path' | 'query'>): string {
  const qs = new URLSearchParams(req.query).toString();
  return `/api/v1${req.path}${qs ? `?${qs}` : ''}`;
}
