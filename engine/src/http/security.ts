// Security headers (helmet) for every answer, and the fair-use guard every API request passes
// right after authentication: rate limits, then the key's allowed origins.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import express, { type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import type { EngineContext } from '../context.ts';
import { DomainError, type Principal } from '../errors.ts';
import { createOriginGuard } from './cors.ts';
import { createFairGate, type FairGate } from './fair-gate.ts';
import { sharedRateLimiter } from './rate-limit.ts';

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/** CSP hash sources of the inline scripts of pages this server renders itself (the API docs). */
function inlineScriptHashes(pages: readonly string[]): string[] {
  return pages.flatMap((html) =>
    [...html.matchAll(INLINE_SCRIPT)].map(
      ([, body]) =>
        `'sha256-${createHash('sha256')
          .update(body ?? '')
          .digest('base64')}'`,
    ),
  );
}

/**
 * helmet's headers with a Content-Security-Policy the studio, the demo storefront and the API docs
 * work under: scripts only from this origin (plus the exact inline scripts of `pages`), images
 * also from data: and blob: (the studio's traced background is a data: URL). No
 * upgrade-insecure-requests: the embedded default serves plain HTTP on localhost and the LAN.
 * @example app.use(securityHeaders([docsPage()]));
 */
export function securityHeaders(pages: readonly string[] = []): RequestHandler {
  const defaults = helmet.contentSecurityPolicy.getDefaultDirectives();
  return helmet({
    contentSecurityPolicy: {
      directives: {
        ...defaults,
        'script-src': ["'self'", ...inlineScriptHashes(pages)],
        'img-src': ["'self'", 'data:', 'blob:'],
        'upgrade-insecure-requests': null,
      },
    },
  });
}

/**
 * Express's "trust proxy" value of TRUST_PROXY: a hop count, a boolean, or addresses/subnets.
 * @example app.set('trust proxy', trustProxy('1')); // 1
 */
export function trustProxy(value: string): number | boolean | string {
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}

/**
 * The client address of a request that did not go through Express (a socket handshake), read
 * with Express's own rules for TRUST_PROXY, so sockets and REST count the same address.
 * @example const ipOf = clientAddress(config.TRUST_PROXY); ipOf({ headers, address });
 */
export function clientAddress(
  trust: string | undefined,
): (req: { headers: IncomingHttpHeaders; address: string }) => string {
  const app = express();
  if (trust) app.set('trust proxy', trustProxy(trust));
  return ({ headers, address }) => {
    const req = Object.create(app.request, {
      app: { value: app },
      headers: { value: headers },
      socket: { value: { remoteAddress: address } },
    }) as Request;
    return req.ip ?? address;
  };
}

/** What every API request passes between authentication and its operation. */
export interface ApiGuard {
  /**
   * Authenticates with `authenticate` unless the client's address is blocked for failed
   * authentications, counts failures, waits for the request's turn in the node's fair gate
   * (fair-gate.ts), then applies the rate limits and the key's allowed origins.
   */
  admit(req: Request, res: Response, authenticate: () => Promise<Principal>): Promise<Principal>;
}

/**
 * A request keeps its place in the gate at most this long (ms). The gate orders short requests
 * (holds, reads); a slow one (a report, a booking waiting for an unreachable database) gives its
 * place back after this, so a few of them cannot stall the node for everyone.
 */
const PLACE_MAX_MS = 100;

/**
 * Waits for a place in the gate and gives it back when the answer is sent, the client goes away
 * or PLACE_MAX_MS passed; a client that left before (while its request was paced) or while
 * waiting stops the request, giving its place back at once.
 */
async function holdPlace(gate: FairGate, orgId: string, res: Response): Promise<void> {
  const gone = () => new DomainError('SERVICE_UNAVAILABLE', 'The client closed the connection');
  if (res.closed) throw gone();
  const place: { leave?: () => void; gone: boolean } = { gone: false };
  res.once('close', () => {
    place.gone = true;
    place.leave?.();
  });
  place.leave = await gate.enter(orgId);
  if (place.gone) {
    place.leave();
    throw gone();
  }
  const slow = setTimeout(place.leave, PLACE_MAX_MS);
  slow.unref();
  res.once('close', () => clearTimeout(slow));
}

// req.ip honours TRUST_PROXY: behind a proxy without it, every client shares the proxy's address.
const clientIp = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/**
 * The guard of `ctx`: limits counted in ctx.redis (in memory on the embedded node), origins read
 * from ctx.db.
 * @example const api = new ApiRouter(ctx.auth, createApiGuard(ctx));
 */
export function createApiGuard(
  ctx: Pick<EngineContext, 'config' | 'redis' | 'db' | 'auth' | 'metrics'>,
): ApiGuard {
  const limits = sharedRateLimiter(ctx.auth, ctx.config, ctx.redis, ctx.metrics);
  const origins = createOriginGuard(ctx.db);
  const gate = createFairGate({ maxInFlight: ctx.config.HTTP_MAX_IN_FLIGHT });
  return {
    async admit(req, res, authenticate) {
      const ip = clientIp(req);
      await limits.assertNotBlocked(ip);
      let principal: Principal;
      try {
        principal = await authenticate();
      } catch (err) {
        // An expired door key is a real key, not a guess: a phone left polling after the night
        // must not get the venue's address blocked for the staff working behind it.
        if (err instanceof DomainError && err.code === 'UNAUTHORIZED' && !err.details.expiredAt) {
          await limits.recordAuthFailure(ip);
        }
        throw err;
      }
      // The rates come before the gate: a request paced to its next slot waits holding no place.
      await limits.consume(principal, ip);
      await holdPlace(gate, principal.orgId, res);
      await origins.assertAllowed(principal, req.headers.origin, res);
      return principal;
    },
  };
}
