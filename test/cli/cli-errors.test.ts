import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.ts';

/** One line on stderr and no stack trace. */
function expectOneLine(stderr: string): void {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('parterre errors', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => {
    await dir.cleanup();
  });

  it('a missing file is a usage error (exit 2)', async () => {
    const missing = dir.path('nope.json');
    const run = await runCli('map', 'stats', missing);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`parterre: cannot read ${missing}: no such file or directory\n`);
  });

  it('invalid JSON is an invalid document (exit 1) with line and column', async () => {
    const file = await dir.write('broken.json', '{\n  "name": "x",\n  "size": { "width": 10, }\n}');
    const run = await runCli('map', 'validate', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `parterre: ${file} is not valid JSON: Expected double-quoted property name (line 3, column 26)\n`,
    );
  });

  it('an unknown option is a usage error (exit 2) on one line', async () => {
    const run = await runCli('map', 'stats', '--jsn', 'x.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^parterre: unknown option '--jsn'/);
    expectOneLine(run.stderr);
  });

  it('an unknown command or a missing argument is a usage error (exit 2)', async () => {
    const unknown = await runCli('map', 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^parterre: unknown command 'frobnicate'/);
    expectOneLine(unknown.stderr);
    const missing = await runCli('map', 'validate');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("parterre: missing required argument 'file'\n");
  });

  it('--help exits 0 and lists the map commands', async () => {
    const run = await runCli('map', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/validate \[options\] <file>/);
    expect(run.stdout).toMatch(/import \[options\] <file>/);
    expect(run.stdout).toMatch(/export \[options\] <file>/);
    expect(run.stdout).toMatch(/stats \[options\] <file>/);
  });
});
