// Serves the built studio (studio/dist) at /studio in the embedded default. Hashed assets are
// cached for a year; every other path under /studio gets index.html (the studio is a single-page
// app that reads its own URL), never cached so a new build is picked up on reload.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express from 'express';

export interface StaticOptions {
  /** The studio's build output (contains index.html). */
  readonly studioDir: string;
  /** URL prefix (default /studio). */
  readonly prefix?: string;
}

/**
 * Mounts the studio on `app`. Throws when `studioDir` has no index.html, naming the build command.
 * Call it before the API's not-found handler.
 * @example mountStatic(app, { studioDir: fileURLToPath(new URL('../../../studio/dist', import.meta.url)) });
 */
export function mountStatic(app: express.Express, options: StaticOptions): void {
  const dir = resolve(options.studioDir);
  const prefix = options.prefix ?? '/studio';
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    throw new Error(
      `The studio is not built: ${index} is missing. Run "npm run build -w @parterre/studio".`,
    );
  }
  // Express matches "/studio/" on "/studio" too (non-strict routing): redirect only the bare one,
  // so relative asset URLs resolve under the prefix.
  app.get(prefix, (req, res, next) => {
    if (req.path === prefix) res.redirect(301, `${prefix}/`);
    else next();
  });
  app.use(
    `${prefix}/assets`,
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  app.use(prefix, express.static(dir, { index: false, maxAge: 0 }));
  app.get(`${prefix}/{*rest}`, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
