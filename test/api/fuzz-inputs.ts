// fast-check arbitraries of hostile input for the API and socket fuzz suites: junk JSON values
// (wrong types, huge and unicode strings, deep nesting, numbers out of range, `__proto__` keys),
// mutations of a valid body, raw bodies that are not JSON, junk ids, query strings and headers.
import { parse as parseQuery } from 'node:querystring';
import fc from 'fast-check';
import { z } from 'zod';
import type { AnyRoute } from '../../engine/src/http/api-router.ts';

/** Nesting depth of deep junk values (deeper ones are sent as raw text: see rawJunk). */
const DEEP = 500;
const DEEP_RAW = 20_000;

/** Values that stress a parser rather than a schema. */
const nasty = fc.constantFrom<unknown>(
  '',
  ' ',
  '\u0000',
  '😀'.repeat(300),
  'x'.repeat(10_000),
  '__proto__',
  'constructor',
  '../../etc/passwd',
  "'; drop table bookings; --",
  -1,
  0,
  -0,
  1e308,
  -1e308,
  2 ** 53 + 1,
  0.5,
  Number.MAX_SAFE_INTEGER,
  null,
  true,
  [],
  {},
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('['.repeat(DEEP) + ']'.repeat(DEEP)),
  JSON.parse('{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP)),
);

/** Any JSON value, junk-biased. */
export const junkJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.array(nasty, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), nasty, { maxKeys: 4 }) },
);

/** Text sent with a JSON content type that is not valid JSON (or is, but not an object). */
const rawJunk = fc.oneof(
  fc.constantFrom(
    '{',
    '{"seats": [',
    "{'single': 'quotes'}",
    'undefined',
    'NaN',
    '{"a": 1,}',
    '\uFEFF{}',
    '[1, 2',
    '"just a string"',
    '42',
    'null',
    '{"__proto__": {"isAdmin": true}, "seats": ["x"]}',
    '{"a":'.repeat(DEEP_RAW),
    '['.repeat(DEEP_RAW) + ']'.repeat(DEEP_RAW),
    `{"seats": ${'['.repeat(DEEP_RAW)}${']'.repeat(DEEP_RAW)}}`,
    `{"document": ${'{"a":'.repeat(DEEP_RAW)}1${'}'.repeat(DEEP_RAW)}}`,
    '<xml/>',
  ),
  fc.string({ maxLength: 100 }),
);

/** How a request body is sent. */
export interface BodyCase {
  raw: string;
  contentType: string;
}

const JSON_TYPE = 'application/json';

/** Replaces, drops or adds one top-level field of a valid object body. */
function mutated(base: unknown): fc.Arbitrary<unknown> {
  if (!base || typeof base !== 'object' || Array.isArray(base)) return junkJson;
  const keys = Object.keys(base);
  if (keys.length === 0) return junkJson;
  const obj = base as Record<string, unknown>;
  return fc.oneof(
    fc.record({ key: fc.constantFrom(...keys), value: junkJson }).map(({ key, value }) => ({
      ...obj,
      [key]: value,
    })),
    fc.constantFrom(...keys).map((key) => {
      const { [key]: _dropped, ...rest } = obj;
      return rest;
    }),
    fc.record({ key: fc.string({ maxLength: 20 }), value: junkJson }).map(({ key, value }) => ({
      ...obj,
      [key === '' ? 'extra' : key]: value,
    })),
    // A computed key makes an own `__proto__` property, as JSON.parse does on the server.
    fc.constant({ ...obj, ['__proto__']: { polluted: true } }),
  );
}

/** Bodies of every hostile kind, around a valid `base`. */
export function bodyCases(base: unknown): fc.Arbitrary<BodyCase> {
  const asJson = (value: unknown) => ({
    raw: JSON.stringify(value) ?? 'null',
    contentType: JSON_TYPE,
  });
  return fc.oneof(
    { weight: 4, arbitrary: mutated(base).map(asJson) },
    { weight: 3, arbitrary: junkJson.map(asJson) },
    { weight: 2, arbitrary: rawJunk.map((raw) => ({ raw, contentType: JSON_TYPE })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { raw: JSON.stringify(base), contentType: 'text/plain' },
        { raw: JSON.stringify(base), contentType: 'application/json; charset=utf-16' },
        { raw: JSON.stringify(base), contentType: 'application/x-www-form-urlencoded' },
        { raw: JSON.stringify({ big: 'x'.repeat(2_200_000) }), contentType: JSON_TYPE },
      ),
    },
  );
}

/** Ids that name nothing: junk strings, overlong, unicode, traversal. */
export const junkId: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.string({ minLength: 101, maxLength: 400 }),
    fc.constantFrom('__proto__', 'constructor', '%', 'ev_', 'null', '0', '-1', '😀', ' '),
  )
  // "." and ".." are dot segments: every URL client resolves them before sending, so
  // `/events/.` arrives as `/events/` (another route) and never reaches the server as an id.
  .filter((id) => !/^(\.|%2e){1,2}$/i.test(id));

/** Query strings with junk keys and values (also repeated keys: arrays). */
export const junkQuery: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom('format', 'by', 'version', 'name', '__proto__', 'a[b]'),
        fc.string(),
      ),
      fc.oneof(
        fc.constantFrom('', 'csv', 'pretix', '-1', '1e99', 'true', 'x'.repeat(5000)),
        fc.string(),
      ),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((pairs) => new URLSearchParams(pairs).toString());

/** Header values that must be refused: empty, spaced, overlong, malformed versions. */
export const junkHeader: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('', 'abc', 'W/"x"', '"-1"', '"999"', '* *', 'x'.repeat(300), '"1" "2"'),
);

/** Whether express would hand `query` to the route as something its query schema refuses
 * (a route without a query schema ignores the query). */
export function queryInvalid(route: AnyRoute, query: string): boolean {
  return route.query !== undefined && !route.query.safeParse({ ...parseQuery(query) }).success;
}

const jsonSchemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, object>;
  };

/** A schema that accepts anything (z.unknown()): its JSON Schema says nothing but `$schema`. */
const acceptsAnything = (schema: object) =>
  Object.keys(schema).filter((k) => k !== '$schema').length === 0;

/**
 * Whether the body cannot be accepted: not JSON, refused by the route's schema, or with a
 * free-form part (a seat-map document, an uploaded plan) replaced by junk.
 */
export function bodyInvalid(route: AnyRoute, body: BodyCase, base: unknown): boolean {
  if (!route.body) return false;
  if (body.contentType !== JSON_TYPE) return true;
  let value: unknown;
  try {
    // The server's JSON parser ignores a leading byte-order mark, as RFC 8259 allows.
    value = JSON.parse(body.raw.replace(/^\uFEFF/, ''));
  } catch {
    return true;
  }
  if (!route.body.safeParse(value).success || acceptsAnything(jsonSchemaOf(route.body)))
    return true;
  try {
    // Only free-form fields can pass the schema with junk; the semantic check refuses those.
    return freeFormChanged(route.body, value, base);
  } catch {
    // Too deep even to compare here (RangeError): no seat-map document nests like that.
    return true;
  }
}

function freeFormChanged(schema: z.ZodType, value: unknown, base: unknown): boolean {
  const props = jsonSchemaOf(schema).properties ?? {};
  const v = value as Record<string, unknown>;
  const b = base as Record<string, unknown>;
  return Object.entries(props).some(
    ([name, prop]) => acceptsAnything(prop) && JSON.stringify(v[name]) !== JSON.stringify(b[name]),
  );
}
