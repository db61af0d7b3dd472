// The route registry: each API route is declared once, with its zod schemas, access level and
// documented answers. The same declaration mounts the Express handler (auth, parsing) and feeds
// the OpenAPI document, so the docs cannot drift from what the server accepts.
import express, { type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import type { Authenticator } from '../auth/authenticate.ts';
import {
  ANONYMOUS,
  assertRole,
  assertSecret,
  assertStaff,
  principalFromHeader,
} from '../auth/guards.ts';
import { assertDoorEvent, assertNotDoorKey } from '../auth/door.ts';
import type { StaffRole } from '../auth/roles.ts';
import { DomainError, type Principal } from '../errors.ts';
import { RequestValidationError, type InputPart } from './problem.ts';
import type { ApiGuard } from './security.ts';

/**
 * `public`: any API key or staff session; `secret`: secret keys and staff sessions only; `staff`:
 * staff sessions only (the /auth routes of a logged-in user); `none`: no credentials at all (staff
 * login), the handler gets {@link ANONYMOUS}.
 */
export type Access = 'none' | 'public' | 'secret' | 'staff';
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A documented answer. Without `schema` the body is described only in words. */
export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Default application/json. */
  contentType?: string;
}

/** A documented request header the handler reads itself. */
export interface HeaderSpec {
  name: string;
  required: boolean;
  description: string;
  schema: z.ZodType;
}

/** What a handler receives: parsed inputs and the caller. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: Principal;
  req: Request;
  res: Response;
}

/** A JSON answer; handlers that write the response themselves (CSV) return undefined. */
export interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

type NoInput = z.ZodObject<Record<string, never>>;

/** One API operation. `path` is Express-style (`/events/:id`). */
export interface RouteSpec<
  P extends z.ZodType = NoInput,
  Q extends z.ZodType = NoInput,
  B extends z.ZodType = NoInput,
> {
  method: HttpMethod;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  /** The role a staff session needs in the organisation (auth/roles.ts); keys are not affected. */
  role: StaffRole;
  /**
   * Door keys (dk_…) may call it too (the door page's scan and reads); every other route refuses
   * them. Such a route's path starts with /events/:id, and a door key reaches its own event only.
   */
  door?: true;
  params?: P;
  query?: Q;
  body?: B;
  /** Documents the body with this schema instead of `body` (e.g. a named component). */
  bodyDoc?: z.ZodType;
  headers?: HeaderSpec[];
  /** Success answers by status. */
  responses: Record<number, ResponseSpec>;
  /** Error statuses specific to this route; 400/401/403/500/503 are added where they apply. */
  errors: number[];
  handler: (input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<Reply | undefined>;
}

/** A route as stored in the registry, with its types erased. */
export type AnyRoute = RouteSpec<z.ZodType, z.ZodType, z.ZodType>;

function parse<T extends z.ZodType>(part: InputPart, schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new RequestValidationError(part, result.error.issues);
  return result.data;
}

/** The JSON parser turns an empty request into {}; a body that got lost must not read as "no options". */
function hasNoBody(req: Request): boolean {
  if (req.body === undefined) return true;
  const length = req.get('content-length');
  return !req.get('transfer-encoding') && (!length || length === '0');
}

function readBody(req: Request, schema: z.ZodType): unknown {
  if (hasNoBody(req)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'This operation needs a JSON body ({} when no field applies): send it with "Content-Type: application/json"',
      { fields: { '(body)': 'missing' } },
    );
  }
  return parse('body', schema, req.body);
}

/**
 * Collects API routes and mounts them on an Express router.
 * @example
 * const api = new ApiRouter(authenticator);
 * api.add({ method: 'get', path: '/events/:id', access: 'public', ..., handler: async () => ({ body }) });
 * app.use('/api/v1', api.router);
 */
export class ApiRouter {
  readonly router: Router = express.Router();
  readonly routes: AnyRoute[] = [];
  /** Schemas documented once under a name and referenced wherever they appear. */
  readonly components = new Map<z.ZodType, string>();
  /** Without a guard (unit use) requests are neither rate-limited nor origin-checked. */
  constructor(
    private readonly auth: Authenticator,
    private readonly guard?: ApiGuard,
  ) {}

  /** Names a schema shared by several routes (e.g. the seat-map document) in the OpenAPI document. */
  component(schema: z.ZodType, name: string): void {
    this.components.set(schema, name);
  }

  /** Registers and mounts one route. */
  add<P extends z.ZodType = NoInput, Q extends z.ZodType = NoInput, B extends z.ZodType = NoInput>(
    spec: RouteSpec<P, Q, B>,
  ): void {
    if (spec.door && !/^\/events\/:id(\/|$)/.test(spec.path)) {
      throw new Error(
        `Door route ${spec.path} must be under /events/:id (door keys open one event)`,
      );
    }
    this.routes.push(spec as unknown as AnyRoute);
    // One handler per route: auth, parsing and the operation (see auth/guards.ts for why).
    this.router[spec.method](spec.path, async (req: Request, res: Response) => {
      const authenticate = () => principalFromHeader(this.auth, req);
      const principal =
        spec.access === 'none'
          ? ANONYMOUS
          : await (this.guard?.admit(req, res, authenticate) ?? authenticate());
      if (!spec.door) assertNotDoorKey(principal);
      if (spec.access === 'secret') assertSecret(principal);
      if (spec.access === 'staff') assertStaff(principal);
      assertRole(principal, spec.role);
      const params = spec.params ? parse('path', spec.params, req.params) : ({} as z.output<P>);
      if (spec.door) assertDoorEvent(principal, String(req.params.id));
      const reply = await spec.handler({
        params,
        query: spec.query ? parse('query', spec.query, req.query) : ({} as z.output<Q>),
        body: spec.body ? (readBody(req, spec.body) as z.output<B>) : ({} as z.output<B>),
        principal,
        req,
        res,
      });
      if (!reply) return;
      if (reply.headers) res.set(reply.headers);
      res.status(reply.status ?? 200).json(reply.body);
    });
  }
}
