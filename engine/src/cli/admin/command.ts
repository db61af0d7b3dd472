// `parterre migrate`, `parterre org …` and `parterre key …`: administration against the database
// the server uses (DATABASE_URL, DATABASE_SCHEMA, or PGlite in DATA_DIR — stop an embedded server
// first, PGlite allows one process per data directory). The work is imported when a command runs.
import type { Command } from 'commander';
import { Option } from 'commander';

/** Registers `parterre migrate`. */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date and print the migrations applied')
    .action(async () => {
      await (await import('./migrate.ts')).migrateCommand();
    });
}

/** Registers `parterre org create`. */
export function registerOrgCommands(program: Command): void {
  const org = program.command('org').description('manage organisations (tenants)');
  org
    .command('create')
    .description('create an organisation and print its id')
    .argument('<name>', 'display name of the organisation')
    .action(async (name: string) => {
      await (await import('./org.ts')).createOrgCommand(name);
    });
}

/** Registers `parterre key create|list|revoke`. */
export function registerKeyCommands(program: Command): void {
  const key = program.command('key').description("manage an organisation's API keys");
  const orgOption = () =>
    new Option('--org <id>', 'the organisation the key belongs to').makeOptionMandatory();

  key
    .command('create')
    .description('create an API key and print it (it is shown only this once)')
    .addOption(orgOption())
    .addOption(
      new Option(
        '--kind <kind>',
        'secret: server-side, everything; public: browsers (door keys open one event: the box office makes them as door links)',
      )
        .choices(['secret', 'public'])
        .makeOptionMandatory(),
    )
    .addOption(new Option('--name <name>', 'what the key is for').makeOptionMandatory())
    .action(async (opts: { org: string; kind: 'secret' | 'public'; name: string }) => {
      await (await import('./key.ts')).createKeyCommand(opts);
    });

  key
    .command('list')
    .description("list an organisation's keys (never the keys themselves)")
    .addOption(orgOption())
    .option('--json', 'print the keys as JSON')
    .action(async (opts: { org: string; json?: boolean }) => {
      await (await import('./key.ts')).listKeysCommand(opts);
    });

  key
    .command('revoke')
    .description('revoke a key; running servers stop accepting it at once (told through Redis)')
    .addOption(orgOption())
    .argument('<keyId>', 'id of the key (see key list)')
    .action(async (keyId: string, opts: { org: string }) => {
      await (await import('./key.ts')).revokeKeyCommand(opts.org, keyId);
    });
}
