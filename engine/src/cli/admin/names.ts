// Names given on the command line: the same limits the API puts on them.
import { usageError } from '../errors.ts';

const MAX_NAME = 200;

/** The trimmed name, or a usage error naming what is wrong with it. */
export function checkName(what: string, name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw usageError(`${what} name must not be empty`);
  if (trimmed.length > MAX_NAME) {
    throw usageError(`${what} name is ${trimmed.length} characters; at most ${MAX_NAME} allowed`);
  }
  return trimmed;
}
