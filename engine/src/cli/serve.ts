// `parterre serve`: one engine node. Without REDIS_URL / DATABASE_URL it is the embedded default
// (in-process seat store, PGlite in DATA_DIR); with them, a production node. The server is
// imported only when the command runs, so other commands start fast.
import type { Command } from 'commander';

/** Registers `parterre serve`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run an engine node (embedded default without REDIS_URL/DATABASE_URL)')
    .action(async () => {
      const { serve } = await import('./serve-run.ts');
      await serve();
    });
}
