import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubPlan } from './plans.ts';
import { runCli, tempDir } from './run-cli.ts';

interface PretixOut {
  categories: { name: string }[];
  zones: { name: string; rows: { row_number: string; seats: { seat_guid: string }[] }[] }[];
}

describe('parterre map export', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let club: string;
  beforeAll(async () => {
    dir = await tempDir();
    club = await dir.write('club.json', clubPlan());
  });
  afterAll(async () => {
    await dir.cleanup();
  });

  it('--to pretix writes a pretix plan with every seat, and warnings on stderr', async () => {
    const run = await runCli('map', 'export', '--to', 'pretix', club);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as PretixOut;
    expect(plan.categories.map((c) => c.name)).toEqual(['A', 'B']);
    expect(plan.zones.map((z) => z.name)).toEqual(['Floor', 'Balcony']);
    const guids = plan.zones.flatMap((z) => z.rows.flatMap((r) => r.seats.map((s) => s.seat_guid)));
    // 3 row seats + 2 table seats + the expanded 3 × 10 block.
    expect(guids).toHaveLength(35);
    expect(run.stderr).toContain(
      'warning  sections[0].tables[0]  table "Table 1" exported as a row of 2 seats',
    );
    expect(run.stderr).toContain(
      'warning  sections[0].gaAreas[0]  standing area "Bar" (capacity 120)',
    );
  });

  it('round-trips through import: export -o, then import --from pretix keeps the seats', async () => {
    const out = dir.path('club.pretix.json');
    expect((await runCli('map', 'export', '--to', 'pretix', club, '-o', out)).code).toBe(0);
    const back = await runCli('map', 'import', '--from', 'pretix', out);
    expect(back.code).toBe(0);
    expect(back.stderr).toContain('imported 35 seats in 2 sections');
  });

  it('--to parterre writes the current-version document with blocks expanded', async () => {
    const out = dir.path('club.parterre.json');
    const run = await runCli('map', 'export', '--to', 'parterre', club, '-o', out);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      schemaVersion: number;
      sections: { rows: unknown[] }[];
    };
    expect(doc.schemaVersion).toBe(2);
    expect(doc.sections[1]!.rows).toHaveLength(3);
  });

  it('rejects an unknown target format with exit 2', async () => {
    const run = await runCli('map', 'export', '--to', 'svg', club);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "parterre: option '--to <format>' argument 'svg' is invalid. Allowed choices are pretix, parterre.\n",
    );
  });

  it('refuses an invalid document with exit 1 and its first problem', async () => {
    const file = await dir.write('bad.json', { ...clubPlan(), levels: [] });
    const run = await runCli('map', 'export', '--to', 'pretix', file);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^parterre: .*bad\.json is not a valid Parterre document: levels: /);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
