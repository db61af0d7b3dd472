import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoFile, runCli, tempDir } from './run-cli.ts';

const smallHall = repoFile('seatmaps/fixtures/pretix/small-hall.json');
const duplicates = repoFile('seatmaps/fixtures/pretix/duplicate-guids.json');

describe('parterre map import', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => {
    await dir.cleanup();
  });

  it('writes the Parterre document to stdout and a summary to stderr', async () => {
    const run = await runCli('map', 'import', '--from', 'pretix', smallHall);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      schemaVersion: number;
      name: string;
      sections: unknown[];
    };
    expect(doc).toMatchObject({ schemaVersion: 2, name: 'Kleiner Saal' });
    expect(doc.sections).toHaveLength(3);
    expect(run.stderr).toBe(`imported 11 seats in 3 sections from ${smallHall}, 0 warnings\n`);
  });

  it('-o writes a document that the other map commands accept', async () => {
    const out = dir.path('hall.json');
    const run = await runCli('map', 'import', '--from', 'pretix', smallHall, '-o', out);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    const stats = await runCli('map', 'stats', '--json', out);
    expect(JSON.parse(stats.stdout)).toMatchObject({
      seats: 11,
      byCategory: { Parkett: 6, Rang: 4 },
    });
  });

  it('fails with exit 1 on duplicate seat_guids, naming them and the fix, and writes nothing', async () => {
    const out = dir.path('dup.json');
    const run = await runCli('map', 'import', '--from', 'pretix', duplicates, '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('"1-1" is used by 3 seats: zones[0].rows[0].seats[0]');
    expect(run.stderr).toContain('--rekey-duplicates');
    expect(existsSync(out)).toBe(false);
  });

  it('--rekey-duplicates keeps every seat and lists the new ids as warnings', async () => {
    const out = dir.path('rekeyed.json');
    const run = await runCli(
      'map',
      'import',
      '--from',
      'pretix',
      '--rekey-duplicates',
      duplicates,
      '-o',
      out,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'warning  zones[0].rows[1].seats[0].seat_guid  seat_guid "1-1" was already used;',
    );
    expect(run.stderr).toContain('imported 7 seats in 1 section from');
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      sections: { rows: { seats: { id: string }[] }[] }[];
    };
    const ids = doc.sections[0]!.rows.flatMap((r) => r.seats.map((s) => s.id));
    expect(new Set(ids).size).toBe(7);
  });

  it('rejects an unknown or missing format with exit 2', async () => {
    const unknown = await runCli('map', 'import', '--from', 'seatsio', smallHall);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      "parterre: option '--from <format>' argument 'seatsio' is invalid. Allowed choices are pretix.\n",
    );
    const missing = await runCli('map', 'import', smallHall);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("parterre: required option '--from <format>' not specified\n");
  });

  it('exits 1 for JSON that is not a pretix plan', async () => {
    const file = await dir.write('not-pretix.json', { name: 'x', zones: 'none' });
    const run = await runCli('map', 'import', '--from', 'pretix', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^parterre: cannot import .*not-pretix\.json: not a pretix seating plan: 2 problem\(s\), first at categories: /,
    );
  });
});
