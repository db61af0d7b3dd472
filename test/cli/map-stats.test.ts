import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubPlan } from './plans.ts';
import { runCli, tempDir } from './run-cli.ts';

describe('parterre map stats', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => {
    await dir.cleanup();
  });

  it('prints seats by category, section and level, GA capacity and tables', async () => {
    const file = await dir.write('club.json', clubPlan());
    const run = await runCli('map', 'stats', file);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      [
        'Club',
        'seats        35',
        'GA capacity  120 in 1 standing area',
        'tables       1 with 2 seats',
        'by category',
        '  A (Front)         2',
        '  B (Back)         33',
        'by section',
        '  Floor [floor]             5',
        '  Balcony [balcony]        30',
        'by level',
        '  Main floor        35',
        '',
      ].join('\n'),
    );
  });

  it('--json gives the same figures for machines', async () => {
    const file = await dir.write('club-json.json', clubPlan());
    const run = await runCli('map', 'stats', '--json', file);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      name: 'Club',
      seats: 35,
      byCategory: { A: 2, B: 33 },
      uncategorized: 0,
      bySection: [
        { id: 'floor', label: 'Floor', seats: 5 },
        { id: 'balcony', label: 'Balcony', seats: 30 },
      ],
      byLevel: [{ id: 'main', name: 'Main floor', seats: 35 }],
      ga: { areas: 1, capacity: 120 },
      tables: { count: 1, seats: 2 },
    });
  });

  it('exits 1 for a document that does not match the schema', async () => {
    const file = await dir.write('bad.json', { ...clubPlan(), schemaVersion: 99 });
    const run = await runCli('map', 'stats', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('newer than this Parterre understands');
  });
});
