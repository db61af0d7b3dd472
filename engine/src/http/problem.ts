// Every error the API answers is RFC 9457 problem+json: `{ type, title, status, detail, code, … }`
// with a stable `code`. This file is the one place that decides which error becomes which answer,
// so routes just throw.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError, type z } from 'zod';
import { DbUnavailable, InvalidInput, NotFound } from '../db/errors.ts';
import { DomainError, type ErrorCode, type ErrorDetails } from '../errors.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The body of an error answer. */
export interface Problem extends ErrorDetails {
  /** A URI reference naming the kind of problem; resolves to the docs page's entry for `code`. */
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  requestId?: string;
}

/** Short, fixed titles; `detail` carries the specifics. */
export const PROBLEM_TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Invalid request',
  UNAUTHORIZED: 'Not authenticated',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  UNKNOWN_SEATS: 'Unknown seats',
  SEATS_UNAVAILABLE: 'Seats unavailable',
  GA_UNAVAILABLE: 'Standing capacity unavailable',
  HOLD_NOT_FOUND: 'Hold not found',
  HOLD_EXPIRED: 'Hold expired',
  SEATS_NOT_HELD: 'Seats not held',
  NOT_BOOKED: 'Not booked',
  NOT_BLOCKED: 'Not blocked',
  SALES_CLOSED: 'Sales closed',
  NOT_IN_CHANNEL: 'Not on sale in this channel',
  CHANNEL_IN_USE: 'Channel has live bookings',
  PRECONDITION_FAILED: 'Precondition failed',
  PRECONDITION_REQUIRED: 'Precondition required',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency key reused',
  INVALID_DOCUMENT: 'Invalid seat-map document',
  RATE_LIMITED: 'Too many requests',
  SERVICE_UNAVAILABLE: 'Service unavailable',
  TICKET_INVALID: 'Not a valid ticket',
  TICKET_CANCELLED: 'Ticket cancelled',
  ALREADY_SCANNED: 'Ticket already scanned',
  WRONG_EVENT: 'Ticket for another event',
  ALREADY_RENEWED: 'Subscription already renewed',
  EVENT_OVER: 'Event is over',
  ALREADY_MEMBER: 'Already a member',
  LAST_OWNER: 'Last owner',
  INTERNAL: 'Internal error',
};

/** Anchor prefix of each code's entry on the docs page. */
export const PROBLEM_ANCHOR = 'problem-';
/** Where the documentation of a code lives (the docs page has one anchor per code). */
export const problemType = (code: ErrorCode): string => `/api/v1/docs#${PROBLEM_ANCHOR}${code}`;

/** Where a zod issue was found; its path is prefixed with it unless it is the body. */
export type InputPart = 'body' | 'query' | 'path' | 'header';

/** A ZodError tagged with the part of the request it is about. */
export class RequestValidationError extends Error {
  constructor(
    readonly part: InputPart,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(`invalid ${part}`);
  }
}

const fieldPath = (part: InputPart, path: readonly PropertyKey[]) => {
  const inner = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  if (part === 'body') return inner.replace(/^\./, '') || '(body)';
  return `${part}${inner}`;
};

function validationProblem(part: InputPart, issues: readonly z.core.$ZodIssue[]): DomainError {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = fieldPath(part, issue.path);
    fields[key] = fields[key] ? `${fields[key]}; ${issue.message}` : issue.message;
  }
  const listed = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
  return new DomainError('VALIDATION_FAILED', `Invalid request ${part}: ${listed.join('; ')}`, {
    fields,
  });
}

/** body-parser's errors carry a `type` such as 'entity.parse.failed'. */
function bodyParserProblem(err: Error & { type?: unknown; status?: unknown }): DomainError | null {
  switch (err.type) {
    case 'entity.parse.failed':
      return new DomainError(
        'VALIDATION_FAILED',
        `Request body is not valid JSON: ${err.message}`,
        {
          fields: { '(body)': 'not valid JSON' },
        },
      );
    case 'entity.too.large':
      return new DomainError('VALIDATION_FAILED', `Request body is too large: ${err.message}`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new DomainError('VALIDATION_FAILED', `Request body encoding: ${err.message}`);
    default:
      return null;
  }
}

/**
 * The 4xx status an error from express or a library carries (`status` or `statusCode`, such as
 * the 400 URIError of a path with malformed percent-encoding), or undefined.
 */
export function clientErrorStatus(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, statusCode } = err as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 499
    ? value
    : undefined;
}

function clientProblem(err: Error): DomainError | null {
  if (clientErrorStatus(err) === undefined) return null;
  if (err instanceof URIError) {
    return new DomainError(
      'VALIDATION_FAILED',
      'Request path is not valid: it holds malformed percent-encoding (a % not followed by ' +
        'two hex digits of valid UTF-8)',
      { fields: { path: 'malformed percent-encoding' } },
    );
  }
  return new DomainError('VALIDATION_FAILED', `Invalid request: ${err.message}`);
}

// ioredis fails commands with these when Redis is down or the connection dropped; the cluster
// client with the last four when it cannot reach the cluster or the cluster lost slots.
const REDIS_DOWN =
  /Connection is closed|MaxRetriesPerRequest|ECONNREFUSED|Stream isn't writeable|ClusterAllFailed|Failed to refresh slots cache|None of startup nodes is available|CLUSTERDOWN/;

/** The DomainError an error stands for, or null when it is an unexpected failure (500). */
export function toDomainError(err: unknown): DomainError | null {
  if (err instanceof DomainError) return err;
  if (err instanceof RequestValidationError) return validationProblem(err.part, err.issues);
  if (err instanceof ZodError) return validationProblem('body', err.issues);
  if (err instanceof NotFound)
    return new DomainError('NOT_FOUND', `${err.entity} ${err.id} not found`);
  if (err instanceof InvalidInput) return new DomainError('VALIDATION_FAILED', err.message);
  if (err instanceof DbUnavailable) {
    return new DomainError('SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly');
  }
  if (!(err instanceof Error)) return null;
  const fromBody = bodyParserProblem(err) ?? clientProblem(err);
  if (fromBody) return fromBody;
  if (REDIS_DOWN.test(err.name) || REDIS_DOWN.test(err.message)) {
    return new DomainError(
      'SERVICE_UNAVAILABLE',
      'The seat store is unavailable; try again shortly',
    );
  }
  return null;
}

/** The problem body of a DomainError. */
export function problemOf(err: DomainError, requestId?: string): Problem {
  return {
    type: problemType(err.code),
    title: PROBLEM_TITLES[err.code],
    status: err.status,
    detail: err.message,
    code: err.code,
    ...err.details,
    ...(requestId ? { requestId } : {}),
  };
}

/**
 * The last middleware: answers every error as problem+json. Unexpected errors become 500 INTERNAL
 * with no internals in the body; they are logged with the request id so the two can be matched.
 */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const requestId = res.locals.requestId as string | undefined;
    let domain = toDomainError(err);
    if (!domain) {
      logger.error({ err, requestId, method: req.method, url: req.originalUrl }, 'request failed');
      domain = new DomainError(
        'INTERNAL',
        `Something went wrong on our side; quote request id ${requestId ?? 'unknown'} when reporting it`,
      );
    } else if (domain.status >= 500) {
      logger.warn({ err, requestId, url: req.originalUrl }, domain.message);
    }
    if (domain.details.retryAfterSeconds !== undefined) {
      res.setHeader('Retry-After', String(domain.details.retryAfterSeconds));
    }
    res
      .status(domain.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problemOf(domain, requestId)));
  };
}

/** Answers 404 NOT_FOUND for any path no route matched. */
export const notFoundHandler: RequestHandler = (req) => {
  throw new DomainError('NOT_FOUND', `No route for ${req.method} ${req.path}`);
};
