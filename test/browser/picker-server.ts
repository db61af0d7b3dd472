// A real engine node for the picker's browser tests: REST API, the /live socket layer and the
// demo storefront on one port, over a test engine (own Postgres schema and Redis prefix). The
// demo is built with Vite into a temporary folder first, so the tests run from a clean clone.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { Server as IoServer } from 'socket.io';
import { build, type Rollup } from 'vite';
import { mountStorefront } from '../../engine/src/demo/storefront.ts';
import { createApp } from '../../engine/src/http/app.ts';
import { attachLive } from '../../engine/src/live/attach.ts';
import { engineLiveDeps } from '../../engine/src/live/engine-deps.ts';
import { seedEvent, testEngine, type SeededEvent, type TestEngine } from '../support/engine.ts';

const SDK = fileURLToPath(new URL('../../client-sdk/', import.meta.url));

/** Builds the demo storefront into a fresh temporary folder; returns the folder. */
export async function buildDemo(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'parterre-demo-'));
  await build({
    configFile: join(SDK, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

export interface PickerNode {
  url: string;
  /** The socket.io server (count live sockets with `io.of('/live').sockets.size`). */
  io: IoServer;
  engine: TestEngine;
  event: SeededEvent;
  close(): Promise<void>;
}

/**
 * An engine node on port 0 with the storefront mounted, selling one seeded event.
 * @example const node = await startPickerNode(demoDir); await page.goto(`${node.url}/demo/${node.event.eventId}`);
 */
export async function startPickerNode(
  demoDir: string,
  seed: Parameters<typeof seedEvent>[1] = {},
): Promise<PickerNode> {
  const engine = await testEngine();
  const event = await seedEvent(engine.ctx, seed);
  const app = express();
  mountStorefront(app, engine.ctx, {
    demoDir,
    keys: (id) =>
      id === event.eventId ? { publicKey: event.publicKey, secretKey: event.secretKey } : null,
  });
  app.use(createApp(engine.ctx));
  const http = createServer(app);
  const io = new IoServer(http, { transports: ['websocket', 'polling'], serveClient: false });
  const live = attachLive(io, engineLiveDeps(engine.ctx));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    io,
    engine,
    event,
    async close() {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await live.close();
      await io.close().catch(() => undefined);
      await closed;
      await engine.dispose();
    },
  };
}

/**
 * Bundles a test page script (ES module source using bare imports, resolved from client-sdk) in
 * development mode, so React's StrictMode double-mounts as it does in development.
 */
export async function bundlePage(source: string): Promise<string> {
  const id = '\0picker-test-page.js';
  const out = (await build({
    root: SDK,
    configFile: false,
    logLevel: 'warn',
    mode: 'development',
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    resolve: {
      alias: {
        '@parterre/seatmaps/client': join(SDK, '../seatmaps/src/client.ts'),
        '@parterre/seatmaps': join(SDK, '../seatmaps/src/index.ts'),
      },
    },
    plugins: [
      {
        name: 'picker-test-page',
        resolveId: (s) => (s.endsWith('picker-test-page') ? id : null),
        load: (s) => (s === id ? source : null),
      },
    ],
    build: {
      write: false,
      minify: false,
      lib: { entry: 'picker-test-page', formats: ['es'], fileName: 'page' },
    },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const output = (Array.isArray(out) ? out[0] : out) as Rollup.RollupOutput;
  const chunk = output.output.find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error('Vite produced no chunk for the test page');
  return chunk.code;
}

/** Removes a built demo folder. */
export const removeDemo = (dir: string) => rm(dir, { recursive: true, force: true });
