// `@parterre/seatmaps/client` must stay zod-free: browser bundles import it to leave zod out.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as client from './client.ts';
import * as main from './index.ts';

/** Runtime imports (not `import type` / `export type`) of every module reachable from `entry`. */
function runtimeGraph(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const source = readFileSync(file, 'utf8');
    const statements = source.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms);
    for (const [, , typeOnly, spec] of statements) {
      if (typeOnly || !spec) continue;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { modules, packages };
}

describe('seatmaps/client entry', () => {
  it('reaches no module that imports zod', () => {
    const { modules, packages } = runtimeGraph(
      fileURLToPath(new URL('./client.ts', import.meta.url)),
    );
    expect(modules.size).toBeGreaterThan(5);
    expect([...packages].sort()).toEqual(['flatbush']);
  });

  it('sees zod when walking the main entry (the walk finds what it should)', () => {
    const { packages } = runtimeGraph(fileURLToPath(new URL('./index.ts', import.meta.url)));
    expect(packages.has('zod')).toBe(true);
  });

  it('exports the very same values as the main entry', () => {
    const names = Object.keys(client);
    expect(names).toEqual(
      expect.arrayContaining(['PROTOCOL_VERSION', 'unpackStatus', 'SeatIndex', 'findOrphans']),
    );
    for (const name of names)
      expect(client[name as keyof typeof client]).toBe(main[name as keyof typeof main]);
  });
});
