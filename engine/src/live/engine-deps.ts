// Implements the live layer's narrow LiveDeps with the engine's real services: API-key auth, the
// event catalog and the hold service. Socket holds and REST holds therefore share one code path.
import { assertRole } from '../auth/guards.ts';
import type { StaffRole } from '../auth/roles.ts';
import { sessionToken } from '../auth/session-cookie.ts';
import type { EngineContext } from '../context.ts';
import type { Principal as EnginePrincipal } from '../errors.ts';
import type { EventRuntime } from '../events/catalog.ts';
import type { LiveDeps, Principal } from './deps.ts';

type SocketPrincipal = Principal & { keyId?: string; role?: StaffRole };

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

/** LiveDeps over an engine context. */
export function engineLiveDeps(ctx: EngineContext): LiveDeps {
  // resolveEvent has the organisation; ensureLive only the event id. Remember the runtime of
  // every event a socket resolved so ensureLive can rebuild it without guessing the organisation.
  const resolved = new Map<string, EventRuntime>();
  return {
    store: ctx.store,
    async authenticate(auth, request) {
      // Without a key, the studio's staff session cookie (sent with the handshake) identifies.
      const token = auth.key ? undefined : sessionToken(request.headers);
      if (!auth.key && !token) return null;
      const p = auth.key
        ? await ctx.auth.authenticate(auth.key)
        : await ctx.auth.staff.principal(token!);
      return p && { orgId: p.orgId, keyKind: p.kind, keyId: p.keyId, role: p.role };
    },
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
