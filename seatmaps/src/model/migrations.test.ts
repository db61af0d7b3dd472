import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from './document.ts';
import { migrate, migrateJson, MigrationError, migrations } from './migrations.ts';
import { smallPlan } from './fixtures.test-helpers.ts';

describe('document migrations', () => {
  it('are numbered in order up to the current version', () => {
    expect(migrations.map((m) => m.id)).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => `seatmaps.document/${i + 2}`),
    );
    migrations.forEach((m, i) => expect(m.to).toBe(i + 2));
  });

  it('seatmaps.document/2 puts everything on a default level and back', () => {
    const v2 = smallPlan();
    const v1 = migrateJson(v2, 1);
    expect(v1.schemaVersion).toBe(1);
    expect(v1).not.toHaveProperty('levels');
    expect((v1.sections as object[])[0]).not.toHaveProperty('level');

    const up = migrate(v1);
    expect(up.success).toBe(true);
    expect(up.data?.levels).toEqual([{ id: 'main', name: 'Main floor' }]);
    expect(up.data?.sections[0]?.level).toBe('main');
  });

  it('treats a document without schemaVersion as version 1', () => {
    const { schemaVersion: _v, ...legacy } = migrateJson(smallPlan(), 1);
    expect(migrate(legacy).success).toBe(true);
  });

  it('refuses documents from the future and non-objects with a clear message', () => {
    expect(() => migrateJson({ ...smallPlan(), schemaVersion: 99 })).toThrow(
      new MigrationError(
        `document has schemaVersion 99, newer than this Parterre understands (${CURRENT_SCHEMA_VERSION}); upgrade Parterre`,
      ),
    );
    expect(() => migrateJson([])).toThrow(/must be a JSON object/);
    expect(() => migrateJson({ schemaVersion: 'two' })).toThrow(/positive integer/);
  });
});
