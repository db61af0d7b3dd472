// Runs the real `parterre` CLI (node engine/bin/parterre.js) in a child process and collects
// what a user would see (optionally with the server's database environment), plus a temp-dir
// helper that cleans up after each test file.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { databaseUrl } from '../support/services.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'engine/bin/parterre.js');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `parterre <args>` from the repository root and resolves with its exit code and output. */
export function runCli(...args: string[]): Promise<CliRun> {
  return runCliWith({}, ...args);
}

/**
 * `runCli` with `env` laid over this process's environment, as the server's configuration would
 * be; an undefined value removes that variable (so a test can't inherit it by accident).
 */
export function runCliWith(
  env: Record<string, string | undefined>,
  ...args: string[]
): Promise<CliRun> {
  const merged = Object.fromEntries(
    Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: root, env: merged, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: unknown }).code as number) : 0;
        resolve({ code: typeof code === 'number' ? code : -1, stdout, stderr });
      },
    );
  });
}

/** The environment that points the CLI at this run's database, on `schema`. */
export const onSchema = (schema: string) => ({
  DATABASE_URL: databaseUrl(),
  DATABASE_SCHEMA: schema,
});

/** A failure the way the CLI promises it: the exit code, nothing on stdout, one line on stderr. */
export function expectCliError(run: CliRun, code: number, message: RegExp): void {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(message);
}

/** A fresh directory under the OS temp dir; `cleanup()` removes it. */
export async function tempDir(): Promise<{
  path: (name: string) => string;
  write: (name: string, value: unknown) => Promise<string>;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'parterre-cli-'));
  const path = (name: string) => join(dir, name);
  return {
    path,
    write: async (name, value) => {
      await writeFile(
        path(name),
        typeof value === 'string' ? value : JSON.stringify(value, null, 2),
      );
      return path(name);
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Path of a file in the repository. */
export const repoFile = (relative: string) => join(root, relative);
