// The `parterre` command line. Each command lives in its own file and registers itself with one
// line below; command files import their heavy work lazily so `parterre --help` and quick
// commands start fast. Every failure ends as one line on stderr and an exit code (errors.ts).
import { Command, CommanderError } from 'commander';
import { registerKeyCommands, registerMigrate, registerOrgCommands } from './admin/command.ts';
import { CliError, ExitCode } from './errors.ts';
import { registerMapCommands } from './map/command.ts';
import { registerServe } from './serve.ts';
import { registerUserCommands } from './admin/user-command.ts';
import { registerSecurityCommands } from './admin/security-command.ts';

/**
 * Adds one top-level command (and its subcommands) to the program. Every command file is loaded
 * on every run, so it imports only commander at its top and loads its work with `await import()`
 * inside the action (see map/command.ts): one eager server import costs every `parterre map …`
 * call most of a second.
 */
export type RegisterCommand = (program: Command) => void;

const commands: readonly RegisterCommand[] = [
  registerMapCommands,
  registerServe,
  registerMigrate,
  registerOrgCommands,
  registerKeyCommands,
  registerUserCommands,
  registerSecurityCommands,
];

/** Commander's messages can span lines ("(Did you mean …?)"); the CLI promises one line. */
const oneLine = (text: string) =>
  text
    .trim()
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ');

function buildProgram(): Command {
  const program = new Command('parterre')
    .description('Parterre: real-time seat maps and capacity')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`parterre: ${oneLine(text)}\n`) })
    .showSuggestionAfterError();
  for (const register of commands) register(program);
  return program;
}

function exitCodeOf(err: unknown): ExitCode {
  // Commander has already printed its message; help and --version exit 0, the rest is usage.
  if (err instanceof CommanderError) return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  const message =
    err instanceof CliError
      ? err.message
      : `internal error: ${(err as Error).message ?? String(err)}`;
  process.stderr.write(`parterre: ${oneLine(message)}\n`);
  return err instanceof CliError ? err.exitCode : ExitCode.invalid;
}

// `parterre map export … | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') process.stderr.write(`parterre: cannot write output: ${err.message}\n`);
  process.exit(err.code === 'EPIPE' ? ExitCode.ok : ExitCode.usage);
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  process.exitCode = exitCodeOf(err);
}
