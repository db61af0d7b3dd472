// Implements the live layer's narrow LiveDeps with the engine's real services: API-key auth, the
// event catalog and the hold service. Socket holds and REST holds therefore share one code path,
// and handshakes pass the checks REST requests pass: the per-address limit on failed
// authentications (shared with REST), each key's allowed origins, and the session cookie's
// cross-site rule.
import { DOOR_KEY_SCOPE } from '../auth/door.ts';
import { assertRole } from '../auth/guards.ts';
import type { StaffRole } from '../auth/roles.ts';
import { assertSocketNotCrossSite, sessionToken } from '../auth/session-cookie.ts';
import { boundedListening } from '../auth/session-signals.ts';
import type { EngineContext } from '../context.ts';
import { DomainError, type Principal as EnginePrincipal } from '../errors.ts';
import type { EventRuntime } from '../events/catalog.ts';
import { createOriginGuard } from '../http/cors.ts';
import { sharedRateLimiter } from '../http/rate-limit.ts';
import { clientAddress } from '../http/security.ts';
import type { HandshakeRequest, LiveDeps, Principal } from './deps.ts';

type SocketPrincipal = Principal & { keyId?: string; role?: StaffRole; session?: string };

export interface EngineLiveOptions {
  /** How long a staff session's re-check is trusted before each command (ms). Default 2000. */
  sessionCacheMs?: number;
}

const firstHeader = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value[0] : value;

const toEngine = (p: SocketPrincipal): EnginePrincipal => ({
  orgId: p.orgId,
  kind: p.keyKind,
  keyId: p.keyId ?? 'socket',
  ...(p.role ? { role: p.role } : {}),
});

/** Socket holds and releases change seats: staff need the box-office role, as on REST. */
const seller = (p: SocketPrincipal): EnginePrincipal => {
  const principal = toEngine(p);
  assertRole(principal, 'boxoffice');
  return principal;
};

/** Re-reads staff sessions, each answer trusted for `ttlMs` (bounded, oldest out first). */
function sessionChecker(ctx: EngineContext, ttlMs: number) {
  const cache = new Map<string, { at: number; principal: Promise<EnginePrincipal | null> }>();
  return (token: string, fresh: boolean) => {
    const hit = cache.get(token);
    if (hit && !fresh && Date.now() - hit.at < ttlMs) return hit.principal;
    if (cache.size >= 10_000) cache.delete(cache.keys().next().value as string);
    const entry = { at: Date.now(), principal: ctx.auth.staff.principal(token) };
    cache.set(token, entry);
    entry.principal.catch(() => cache.get(token) === entry && cache.delete(token));
    return entry.principal;
  };
}

/** LiveDeps over an engine context. */
export function engineLiveDeps(ctx: EngineContext, options: EngineLiveOptions = {}): LiveDeps {
  // resolveEvent has the organisation; ensureLive only the event id. Remember the runtime of
  // every event a socket resolved so ensureLive can rebuild it without guessing the organisation.
  const resolved = new Map<string, EventRuntime>();
  const limits = sharedRateLimiter(ctx.auth, ctx.config, ctx.redis, ctx.metrics);
  const origins = createOriginGuard(ctx.db);
  const addressOf = clientAddress(ctx.config.TRUST_PROXY);
  const session = sessionChecker(ctx, options.sessionCacheMs ?? 2000);
  // Bounded: while Redis is unreachable no node is heard anyway, and the periodic re-check covers.
  const listening = boundedListening(() => ctx.auth.staff.listening(), {
    onNotListening: () =>
      ctx.logger.warn(
        "sessions: not subscribed to other nodes' session signals; staff sockets rely on the periodic re-check until Redis confirms",
      ),
  });

  /** The principal of the handshake's key or, without one, of its staff session cookie. */
  const identify = async (key: string | undefined, request: HandshakeRequest) => {
    if (key) return ctx.auth.authenticate(key);
    const token = sessionToken(request.headers);
    if (!token) return null;
    assertSocketNotCrossSite(request.headers);
    // Hear other nodes' session ends before reading this one: none is missed in between.
    await listening();
    const p = await session(token, true);
    return p && { ...p, session: token };
  };

  return {
    store: ctx.store,
    async authenticate(auth, request) {
      const address = addressOf(request);
      await limits.assertNotBlocked(address);
      const p = await identify(auth.key, request);
      if (!p) {
        await limits.recordAuthFailure(address);
        return null;
      }
      if (p.kind === 'door')
        throw new DomainError('FORBIDDEN', `Not with a door key: ${DOOR_KEY_SCOPE}`);
      const origin = firstHeader(request.headers.origin);
      if (!(await origins.allows(p, origin))) {
        throw new DomainError(
          'FORBIDDEN',
          `Origin ${origin} is not allowed to use this API key; the key's allowed origins are set by its organisation`,
        );
      }
      const staff = p.kind === 'staff' ? { userId: p.keyId } : {};
      return {
        orgId: p.orgId,
        keyKind: p.kind,
        keyId: p.keyId,
        role: p.role,
        ...staff,
        ...('session' in p ? { session: p.session } : {}),
      };
    },
    async revalidate(principal: SocketPrincipal, fresh = false) {
      if (!principal.session) return principal;
      const p = await session(principal.session, fresh);
      // A session switched to another organisation is not this socket's any more.
      if (!p || p.orgId !== principal.orgId) return null;
      return { ...principal, ...(p.role ? { role: p.role } : {}) };
    },
    onSessionsChanged: (listener) => ctx.auth.staff.onSessionsChanged(listener),
    async resolveEvent(principal, eventId) {
      try {
        const event = await ctx.catalog.get(principal.orgId, eventId);
        resolved.set(eventId, event);
        return {
          eventId,
          seatIds: event.seatIds,
          indexOf: (seatId) => event.layout.indexById.get(seatId),
        };
      } catch (err) {
        if ((err as { code?: string }).code === 'NOT_FOUND') return null;
        throw err;
      }
    },
    async ensureLive(eventId) {
      const event = resolved.get(eventId);
      if (event) await ctx.catalog.ensureLive(event);
    },
    async hold(principal, req) {
      const view = await ctx.holds.hold(seller(principal), req.eventId, {
        seats: req.seats,
        ...(req.ga ? { ga: req.ga } : {}),
        ...(req.holdToken ? { holdToken: req.holdToken } : {}),
      });
      return {
        holdToken: view.holdToken,
        expiresAt: Date.parse(view.expiresAt),
        seats: view.seats,
      };
    },
    release(principal, req) {
      return ctx.holds.release(seller(principal), req.eventId, {
        holdToken: req.holdToken,
        ...(req.seats ? { seats: req.seats } : {}),
      });
    },
    log: ctx.logger,
  };
}
