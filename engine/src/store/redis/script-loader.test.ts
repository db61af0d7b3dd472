import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from './script-loader.ts';

const LUA_DIR = fileURLToPath(new URL('../lua/', import.meta.url));

describe('loadLibrary', () => {
  const library = loadLibrary();

  it('registers one function per lua/<name>-<numKeys>.lua file, with its key count', () => {
    const files = readdirSync(LUA_DIR).filter((f) => f.endsWith('.lua'));
    expect([...library.functions.keys()].sort()).toEqual(
      files.map((f) => f.replace(/-\d+\.lua$/, '')).sort(),
    );
    expect(library.functions.get('hold')?.numberOfKeys).toBe(7);
    for (const { name } of library.functions.values()) {
      expect(library.code).toContain(`redis.register_function('${name}', function(KEYS, ARGV)`);
    }
  });

  it('names the library and its functions by one hash of the code', () => {
    const version = /^parterre_v([0-9a-f]{12})$/.exec(library.name)?.[1];
    expect(version).toBeDefined();
    expect(library.code.startsWith(`#!lua name=${library.name}\n`)).toBe(true);
    expect(library.functions.get('release')?.name).toBe(`pt_${version}_release`);
  });

  it('puts each include once, before the functions, and keeps no include line', () => {
    expect(library.code.match(/^function S\.begin\(/gm)).toHaveLength(1);
    expect(library.code.match(/^function S\.commit\(/gm)).toHaveLength(1);
    expect(library.code.indexOf('function S.begin(')).toBeLessThan(
      library.code.indexOf('redis.register_function('),
    );
    expect(library.code).not.toMatch(/--- @include/);
  });
});
