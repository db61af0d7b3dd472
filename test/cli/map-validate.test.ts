import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubPlan, planWithError, planWithWarning } from './plans.ts';
import { runCli, tempDir } from './run-cli.ts';

describe('parterre map validate', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => {
    await dir.cleanup();
  });

  it('exits 0 and says so for a valid document', async () => {
    const file = await dir.write('club.json', clubPlan());
    const run = await runCli('map', 'validate', file);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(`${file}: valid, 0 errors, 0 warnings\n`);
  });

  it('exits 1 and prints each error as severity, path and message', async () => {
    const file = await dir.write('error.json', planWithError());
    const run = await runCli('map', 'validate', file);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      "error  sections[0].rows[0]  2 seats of row '1' of section 'Floor' have no category: '1', '2'.",
      "error  sections[0].gaAreas[0]  Standing area 'Bar' of section 'Floor' has no category (set one on the area or its section).",
      `${file}: invalid, 2 errors, 0 warnings`,
      '',
    ]);
  });

  it('allows warnings (exit 0) and prints them', async () => {
    const file = await dir.write('warning.json', planWithWarning());
    const run = await runCli('map', 'validate', file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('warning  sections[0].tables[0].seatCount  ');
    expect(run.stdout).toContain('valid, 0 errors, 1 warning');
  });

  it('--json prints the problems for machines', async () => {
    const file = await dir.write('error-json.json', planWithError());
    const run = await runCli('map', 'validate', '--json', file);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ file, valid: false, errors: 2, warnings: 0 });
    expect(out.problems).toContainEqual(
      expect.objectContaining({
        code: 'MISSING_CATEGORY',
        severity: 'error',
        path: 'sections[0].rows[0]',
      }),
    );
  });

  it('reports schema problems with the path of the bad field', async () => {
    const plan = clubPlan();
    (plan.size as Record<string, unknown>).width = -5;
    const file = await dir.write('schema.json', plan);
    const run = await runCli('map', 'validate', file);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error {2}size\.width {2}/m);
    expect(run.stdout).toContain('invalid, 1 error, 0 warnings');
  });
});
