// Exit codes and the one error type CLI actions throw. main.ts prints the message as a single
// line on stderr and exits with the code; nothing else ever reaches the user as a stack trace.

/**
 * 0 success; 1 the input is invalid or names nothing that exists, or the database refused or
 * could not be reached; 2 the command was used wrongly (arguments, configuration).
 */
export const ExitCode = { ok: 0, invalid: 1, usage: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

/** Wrong arguments, a file that cannot be read or written, an unknown format. */
export const usageError = (message: string) => new CliError(message, ExitCode.usage);

/** The input was read but is not a valid document. */
export const invalidDocument = (message: string) => new CliError(message, ExitCode.invalid);

/** A command that was used correctly but could not be done (unknown id, database unreachable). */
export const failure = (message: string) => new CliError(message, ExitCode.invalid);
