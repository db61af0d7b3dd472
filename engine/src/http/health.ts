// Liveness and readiness. /healthz says the process answers (a load balancer restarts it if not);
// /readyz says it can do work: the database answers `select 1` and the seat store answers. A node
// that is alive but not ready is taken out of rotation instead of being restarted.
import type { Router } from 'express';
import express from 'express';
import type { EngineContext } from '../context.ts';

/** Checks take at most this long; a hung dependency counts as down. */
const CHECK_TIMEOUT_MS = 2_000;

type Check = () => Promise<unknown>;

async function probe(check: Check): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([check(), timeout]);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /healthz and GET /readyz.
 * @example app.use(healthRoutes(ctx));
 */
export function healthRoutes(ctx: Pick<EngineContext, 'db' | 'store'>): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const [database, store] = await Promise.all([
      probe(() => ctx.db.query('select 1')),
      // Any cheap read is a round trip to Redis (or a no-op for the in-process store).
      probe(() => ctx.store.hasEvent('readyz-probe')),
    ]);
    const checks = { database: database ?? 'ok', store: store ?? 'ok' };
    const failed = Object.entries(checks)
      .filter(([, v]) => v !== 'ok')
      .map(([k]) => k);
    res
      .status(failed.length ? 503 : 200)
      .json(
        failed.length
          ? { status: 'unavailable', detail: `not ready: ${failed.join(' and ')} failed`, checks }
          : { status: 'ok', checks },
      );
  });
  return router;
}
