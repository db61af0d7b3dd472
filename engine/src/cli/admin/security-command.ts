// `parterre security login-failures`: the installation's security log, for its operators (no
// organisation may read it, so it has no API route). Only commander is imported here; the work
// (and the database) is loaded when the command runs (see ../main.ts).
import type { Command } from 'commander';
import { Option } from 'commander';

/** Registers `parterre security login-failures`. */
export function registerSecurityCommands(program: Command): void {
  const security = program
    .command('security')
    .description("the installation's security log (operators only)");
  security
    .command('login-failures')
    .description(
      'failed staff logins that reached no organisation (unknown emails, users in no organisation), newest first',
    )
    .addOption(new Option('--since <date>', 'only attempts at or after this ISO 8601 date or time'))
    .addOption(new Option('--limit <n>', 'at most this many attempts (1–10000)').default('100'))
    .option('--json', 'print the attempts as JSON')
    .action(async (opts: { since?: string; limit: string; json?: boolean }) => {
      await (await import('./security.ts')).loginFailuresCommand(opts);
    });
}
