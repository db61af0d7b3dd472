// Reading and writing the files CLI commands work on, with errors a person can act on.
import { readFile, writeFile } from 'node:fs/promises';
import { invalidDocument, usageError } from './errors.ts';

/** Line and column (1-based) of a character offset, for JSON syntax errors. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Parses JSON, turning V8's "… in JSON at position N" into a line and column.
 * @example parseJson('{"a": }', 'plan.json') // throws: plan.json is not valid JSON: … (line 1, column 7)
 */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = (err as Error).message;
    const at = /\s*in JSON at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : null;
    const reason = at ? message.replace(at[0], '') : message;
    const where =
      offset === null
        ? ''
        : (({ line, column }) => ` (line ${line}, column ${column})`)(lineAndColumn(text, offset));
    throw invalidDocument(`${file} is not valid JSON: ${reason}${where}`);
  }
}

function ioReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (err as Error).message;
}

/** Reads and parses a JSON file. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw usageError(`cannot read ${file}: ${ioReason(err)}`);
  }
  return parseJson(text, file);
}

/** Writes `text` to `file`, or to stdout when no file is given. */
export async function writeOutput(file: string | undefined, text: string): Promise<void> {
  if (file === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFile(file, text);
  } catch (err) {
    throw usageError(`cannot write ${file}: ${ioReason(err)}`);
  }
}

/** Pretty JSON with a trailing newline, as every command writes it. */
export const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
