// `parterre map …`: check, convert and measure seat-map files. Actions are imported when they
// run, so loading the command tree does not load the seat-map model.
import type { Command } from 'commander';
import { Option } from 'commander';

export function registerMapCommands(program: Command): void {
  const map = program.command('map').description('validate, convert and inspect seat-map files');

  map
    .command('validate')
    .description('check a Parterre document; exit 1 if it has errors (warnings are allowed)')
    .argument('<file>', 'Parterre document (JSON)')
    .option('--json', 'print the problems as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      await (await import('./validate.ts')).validateCommand(file, opts);
    });

  map
    .command('import')
    .description('convert a seating plan from another format into a Parterre document')
    .addOption(
      new Option('--from <format>', 'format of the input')
        .choices(['pretix'])
        .makeOptionMandatory(),
    )
    .argument('<file>', 'the plan to import')
    .option('-o, --output <file>', 'write the document here instead of to stdout')
    .option(
      '--rekey-duplicates',
      'keep seats whose seat_guid repeats, giving them new ids like "<guid>~2"',
    )
    .action(
      async (
        file: string,
        opts: { from: 'pretix'; output?: string; rekeyDuplicates?: boolean },
      ) => {
        await (await import('./import.ts')).importCommand(file, opts);
      },
    );

  map
    .command('export')
    .description('convert a Parterre document to another format')
    .addOption(
      new Option('--to <format>', 'format of the output')
        .choices(['pretix', 'parterre'])
        .makeOptionMandatory(),
    )
    .argument('<file>', 'Parterre document (JSON)')
    .option('-o, --output <file>', 'write the result here instead of to stdout')
    .action(async (file: string, opts: { to: 'pretix' | 'parterre'; output?: string }) => {
      await (await import('./export.ts')).exportCommand(file, opts);
    });

  map
    .command('stats')
    .description('count seats by category, section and level, standing capacity and tables')
    .argument('<file>', 'Parterre document (JSON)')
    .option('--json', 'print the figures as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      await (await import('./stats.ts')).statsCommand(file, opts);
    });
}
