// Implements the live layer's narrow LiveDeps with the engine's real services: API-key auth, the
// event catalog and the hold service. Socket holds and REST holds therefore share one code path.
import type { EngineContext } from '../context.ts';
import type { Principal as EnginePrincipal } from '../errors.ts';
import type { EventRuntime } from '../events/catalog.ts';
import type { LiveDeps, Principal } from './deps.ts';

const toEngine = (p: Principal & { keyId?: string }): EnginePrincipal => ({
  orgId: p.orgId,
  kind: p.keyKind,
  keyId: p.keyId ?? 'socket',
});

/** LiveDeps over an engine context. */
export function engineLiveDeps(ctx: EngineContext): LiveDeps {
  // resolveEvent has the organisation; ensureLive only the event id. Remember the runtime of
  // every event a socket resolved so ensureLive can rebuild it without guessing the organisation.
  const resolved = new Map<string, EventRuntime>();
  return {
    store: ctx.store,
    async authenticate(auth) {
      if (!auth.key) return null;
      const p = await ctx.auth.authenticate(auth.key);
      return p && { orgId: p.orgId, keyKind: p.kind, keyId: p.keyId };
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
      const view = await ctx.holds.hold(toEngine(principal), req.eventId, {
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
      return ctx.holds.release(toEngine(principal), req.eventId, {
        holdToken: req.holdToken,
        ...(req.seats ? { seats: req.seats } : {}),
      });
    },
    log: ctx.logger,
  };
}
