// What `parterre serve` runs: config, services, demo seed, server, and a graceful shutdown on
// SIGINT/SIGTERM.
import { ConfigError, loadConfig } from '../config.ts';
import { createEngineContext } from '../context.ts';
import { ensureDemo, type DemoInfo } from '../demo/seed.ts';
import { startServer } from '../server.ts';

function banner(url: string, mode: string, demo: DemoInfo | null): string {
  const lines = [`Parterre is running at ${url} (${mode})`, `  API docs: ${url}/api/v1/docs`];
  if (demo) {
    lines.push(
      '',
      'Demo organisation (keys are also in DATA_DIR/demo.json):',
      `  event:       ${demo.eventId}`,
      `  layout:      curl -H "Authorization: Bearer ${demo.publicKey}" ${url}/api/v1/events/${demo.eventId}/layout`,
      `  public key:  ${demo.publicKey}`,
      `  secret key:  ${demo.secretKey}`,
    );
  }
  return lines.join('\n');
}

/** Runs a node until SIGINT/SIGTERM, then drains it. */
export async function serve(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const ctx = await createEngineContext(config);
  const demo = await ensureDemo(ctx);
  const server = await startServer(ctx, { port: config.PORT, host: config.HOST });
  const mode = [
    config.REDIS_CLUSTER_NODES
      ? 'Redis Cluster seat store'
      : config.REDIS_URL
        ? 'Redis seat store'
        : 'in-process seat store',
    config.DATABASE_URL ? 'Postgres' : `PGlite in ${config.DATA_DIR}`,
  ].join(', ');
  console.log(banner(server.url, mode, demo));

  const shutdown = (signal: string) => {
    ctx.logger.info({ signal }, 'shutting down: draining requests and sockets');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        ctx.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
