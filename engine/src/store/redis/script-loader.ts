// Builds the seat store's Redis Functions library from engine/src/store/lua/: every
// <name>-<numKeys>.lua file becomes one registered function, and the `--- @include "<file>"`
// helpers (lua/includes/<file>.lua) are put once at the top of the library. Why a library rather
// than one EVALSHA script per command: a script re-creates all its helper functions and tables on
// every call, a library only when it is loaded (that was about a third of a hold's Redis CPU).
// The library and function names carry a hash of the code, so one version's library never
// replaces another's, and loading is idempotent (FUNCTION LOAD REPLACE of the same code). That
// does not make mixed versions safe on one Redis: the key layout changes between versions (an
// older node cannot read hold records, see engine/CONTEXT.md), so stop the old nodes before
// starting new ones. Needs Redis 7.0+.
//
// On a Redis Cluster, functions are not replicated between shards (only to a master's replicas),
// so the library is loaded on every master the client knows. A master that joined later, took over
// slots or restarted empty answers "Function not found": the call loads the library on every
// master again and retries once, exactly as on a single server that restarted.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { isCluster, masters, type RedisConnection } from './connection.ts';

const LUA_DIR = fileURLToPath(new URL('../lua/', import.meta.url));
const INCLUDE = /^--- @include "([\w-]+)"\s*$/gm;

/** One command of the library: its function name and key count. */
export interface LuaFunction {
  name: string;
  numberOfKeys: number;
}

/** The whole library: its name, its source and its functions by command name (e.g. hold). */
export interface LuaLibrary {
  name: string;
  code: string;
  functions: Map<string, LuaFunction>;
}

/** Includes of a file, in order, and its source without the include lines. */
function splitIncludes(source: string): { includes: string[]; body: string } {
  const includes = [...source.matchAll(INCLUDE)].map((m) => m[1] as string);
  return { includes, body: source.replace(INCLUDE, '') };
}

/** An include and, before it, the includes it needs (each once, in order of first use). */
function addInclude(name: string, out: Map<string, string>): void {
  if (out.has(name)) return;
  const { includes, body } = splitIncludes(readFileSync(`${LUA_DIR}includes/${name}.lua`, 'utf8'));
  for (const inner of includes) addInclude(inner, out);
  out.set(name, body);
}

function build(): LuaLibrary {
  const files = readdirSync(LUA_DIR)
    .filter((f) => f.endsWith('.lua'))
    .sort();
  const helpers = new Map<string, string>();
  const commands = files.map((file) => {
    const match = /^(\w+)-(\d+)\.lua$/.exec(file);
    if (!match) throw new Error(`Lua script ${file} is not named <name>-<numKeys>.lua`);
    const { includes, body } = splitIncludes(readFileSync(`${LUA_DIR}${file}`, 'utf8'));
    for (const name of includes) addInclude(name, helpers);
    return { command: match[1] as string, numberOfKeys: Number(match[2]), body };
  });
  const version = createHash('sha1')
    .update(JSON.stringify([[...helpers], commands]))
    .digest('hex')
    .slice(0, 12);
  const functions = new Map<string, LuaFunction>();
  const registrations = commands.map(({ command, numberOfKeys, body }) => {
    const name = `pt_${version}_${command}`;
    functions.set(command, { name, numberOfKeys });
    // The body keeps its KEYS/ARGV names: they are the callback's parameters.
    return `redis.register_function('${name}', function(KEYS, ARGV)\nS.begin(KEYS, ARGV)\n${body}\nend)`;
  });
  const name = `parterre_v${version}`;
  const code = [`#!lua name=${name}`, ...helpers.values(), ...registrations].join('\n');
  return { name, code, functions };
}

let cache: LuaLibrary | undefined;

/** The library built from lua/ (read from disk once per process). */
export function loadLibrary(): LuaLibrary {
  cache ??= build();
  return cache;
}

/** The FCALL variant that returns bulk strings as Buffers (defined by ioredis, not declared). */
interface BufferFcall {
  fcallBuffer(name: string, numberOfKeys: number, ...args: FunctionArgs): Promise<unknown>;
}

/** Arguments of one function call (keys first). */
export type FunctionArgs = (string | number | Buffer)[];

const isMissing = (err: unknown): boolean =>
  err instanceof Error && err.message.includes('Function not found');

/**
 * Calls the library's functions on one connection (a server or a cluster). Loads the library when
 * created (commands sent after it on the same connection run after it; on a cluster, calls wait
 * for that first load), and again, retrying the call once, when a call finds it missing (Redis
 * restarted, failed over, was flushed, or a cluster node holds slots it never had).
 */
export class FunctionCaller {
  private loading: Promise<unknown>;
  /** A cluster's first load, which calls wait for (its masters are known only once connected). */
  private firstLoad: Promise<unknown> | undefined;
  private readonly library = loadLibrary();

  constructor(private readonly redis: RedisConnection) {
    this.loading = this.load();
    if (isCluster(redis)) {
      const first = this.loading.then(
        () => undefined,
        () => undefined,
      );
      this.firstLoad = first;
      void first.then(() => {
        if (this.firstLoad === first) this.firstLoad = undefined;
      });
    }
  }

  /** Calls command `command` (e.g. "hold"); `buffers` returns bulk strings as Buffers. */
  call(command: string, args: FunctionArgs, buffers = false): Promise<unknown> {
    const fn = this.library.functions.get(command);
    if (!fn) return Promise.reject(new Error(`No Lua function for the command "${command}"`));
    const loaded = this.loading;
    const retry = (err: unknown) => this.reloadAndRetry(err, loaded, fn, args, buffers);
    if (this.firstLoad) return this.firstLoad.then(() => this.send(fn, args, buffers)).catch(retry);
    // Not async: the hot path is the bare command promise, one .catch() handles a missing library.
    return this.send(fn, args, buffers).catch(retry);
  }

  private send(fn: LuaFunction, args: FunctionArgs, buffers: boolean): Promise<unknown> {
    // fcall/fcallBuffer, not call('FCALL', …): ioredis's auto-pipelining drops the command name
    // of callBuffer. ioredis defines fcallBuffer like every command's Buffer variant but does not
    // declare it.
    return buffers
      ? (this.redis as RedisConnection & BufferFcall).fcallBuffer(fn.name, fn.numberOfKeys, ...args)
      : this.redis.fcall(fn.name, fn.numberOfKeys, ...args);
  }

  private async reloadAndRetry(
    err: unknown,
    loaded: Promise<unknown>,
    fn: LuaFunction,
    args: FunctionArgs,
    buffers: boolean,
  ): Promise<unknown> {
    if (!isMissing(err)) throw err;
    // Calls that missed the same load start one reload between them.
    if (this.loading === loaded) this.loading = this.load();
    await this.loading.catch(() => undefined);
    return this.send(fn, args, buffers);
  }

  private load(): Promise<unknown> {
    const loading = (isCluster(this.redis) ? this.loadOnMasters() : this.loadOn(this.redis)).catch(
      (err: unknown) => {
        throw new Error(
          `Could not load the seat store's Lua library ${this.library.name} (Redis 7.0+ is needed): ${String(err)}`,
        );
      },
    );
    // The first calls run after this load; its failure surfaces when one of them finds the library
    // missing and reloads.
    loading.catch(() => undefined);
    return loading;
  }

  private loadOn(node: Redis): Promise<unknown> {
    return node.call('FUNCTION', 'LOAD', 'REPLACE', this.library.code);
  }

  /** Every master of the cluster (known once the client has connected: a PING waits for that). */
  private async loadOnMasters(): Promise<void> {
    if (this.redis.status !== 'ready') await this.redis.ping();
    const nodes = masters(this.redis);
    if (nodes.length === 0) throw new Error('the cluster client knows no master');
    await Promise.all(nodes.map((node) => this.loadOn(node)));
  }
}
