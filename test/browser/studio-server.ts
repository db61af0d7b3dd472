// Serves the built studio for browser tests and the render benchmark: builds it first when
// studio/dist is missing or older than any studio or seatmaps source, then serves it with the
// engine's own mountStatic — in front of a real engine app when one is given.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { EngineContext } from '../../engine/src/context.ts';
import { createApp } from '../../engine/src/http/app.ts';
import { mountStatic } from '../../engine/src/http/static.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const STUDIO_DIST = join(ROOT, 'studio/dist');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Runs `vite build` for the studio unless studio/dist is newer than every source it is built from. */
export function ensureStudioBuilt(): void {
  const index = join(STUDIO_DIST, 'index.html');
  const sources = ['studio/src', 'studio/index.html', 'studio/vite.config.ts', 'seatmaps/src'].map(
    (p) => join(ROOT, p),
  );
  if (existsSync(index) && statSync(index).mtimeMs > Math.max(...sources.map(newestMtime))) return;
  execFileSync('npm', ['run', 'build', '-w', '@parterre/studio'], { cwd: ROOT, stdio: 'pipe' });
}

export interface StudioServer {
  /** The studio's URL, ending in /studio/. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves studio/dist at /studio (and the engine's API when `ctx` is given) on a free port.
 * @example const server = await startStudioServer(); await page.goto(server.url);
 */
export async function startStudioServer(ctx?: EngineContext): Promise<StudioServer> {
  ensureStudioBuilt();
  const app = express();
  mountStatic(app, { studioDir: STUDIO_DIST });
  if (ctx) app.use(createApp(ctx));
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/studio/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
