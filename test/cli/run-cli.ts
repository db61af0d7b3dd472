// Runs the real `parterre` CLI (node engine/bin/parterre.js) in a child process and collects
// what a user would see, plus a temp-dir helper that cleans up after each test file.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'engine/bin/parterre.js');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `parterre <args>` from the repository root and resolves with its exit code and output. */
export function runCli(...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: unknown }).code as number) : 0;
        resolve({ code: typeof code === 'number' ? code : -1, stdout, stderr });
      },
    );
  });
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
