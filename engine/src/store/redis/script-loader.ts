// Loads engine/src/store/lua/<name>-<numKeys>.lua, expands `--- @include "<file>"` lines with
// lua/includes/<file>.lua (each include once per script, in order) and defines one ioredis
// command per script. defineCommand sends EVALSHA and falls back to EVAL when the server does not
// know the script yet (after a restart or a failover), so scripts survive SCRIPT FLUSH.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';

const LUA_DIR = fileURLToPath(new URL('../lua/', import.meta.url));
const INCLUDE = /^--- @include "([\w-]+)"\s*$/gm;

/** A loaded script: its command name, key count and expanded source. */
export interface LuaScript {
  name: string;
  numberOfKeys: number;
  lua: string;
}

function expand(source: string, seen: Set<string>): string {
  return source.replace(INCLUDE, (_line, name: string) => {
    if (seen.has(name)) return '';
    seen.add(name);
    const file = `${LUA_DIR}includes/${name}.lua`;
    return expand(readFileSync(file, 'utf8'), seen);
  });
}

let cache: LuaScript[] | undefined;

/** Every script of lua/, with includes expanded (read from disk once per process). */
export function loadScripts(): LuaScript[] {
  cache ??= readdirSync(LUA_DIR)
    .filter((f) => f.endsWith('.lua'))
    .map((file) => {
      const match = /^(\w+)-(\d+)\.lua$/.exec(file);
      if (!match) throw new Error(`Lua script ${file} is not named <name>-<numKeys>.lua`);
      const lua = expand(readFileSync(`${LUA_DIR}${file}`, 'utf8'), new Set());
      return { name: match[1] as string, numberOfKeys: Number(match[2]), lua };
    });
  return cache;
}

/** Defines every script on a connection as the command `pt<Name>` (e.g. ptHold). */
export function defineScripts(redis: Redis): void {
  for (const script of loadScripts()) {
    const command = `pt${script.name[0]?.toUpperCase()}${script.name.slice(1)}`;
    redis.defineCommand(command, { numberOfKeys: script.numberOfKeys, lua: script.lua });
  }
}
