import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

const read = (path: string): string => readFileSync(new URL(`./lua/${path}.lua`, import.meta.url), 'utf8');

/**
 * A script with its shared pieces inlined: a line `--- @include "<name>"` is replaced by
 * `lua/includes/<name>.lua` (BullMQ's layout), each include at most once per script.
 */
export function loadScript(name: string): string {
  const included = new Set<string>();
  const expand = (text: string): string =>
    text.replace(/^--- @include "([a-z-]+)"$/gm, (_, include: string) => {
      if (included.has(include)) return '';
      included.add(include);
      return expand(read(`includes/${include}`));
    });
  return expand(read(name));
}
const load = loadScript;

/** The Lua scripts, registered as commands so ioredis sends EVALSHA and falls back to EVAL once. */
export const SCRIPTS = {
  fanoutChunk: load('fanout-chunk'),
  fanoutRange: load('fanout-range'),
  follow: load('follow'),
  unfollow: load('unfollow'),
  timelinePage: load('timeline-page'),
  homePage: load('home-page'),
} as const;

export interface ScriptCommands {
  fanoutChunk(numKeys: number, ...args: (string | number)[]): Promise<number>;
  fanoutRange(...args: (string | number)[]): Promise<[number, string, number]>;
  follow(...args: (string | number)[]): Promise<number>;
  unfollow(...args: (string | number)[]): Promise<number>;
  timelinePage(...args: (string | number)[]): Promise<string[]>;
  homePage(...args: (string | number)[]): Promise<[string[], string[]]>;
}

export type ChirpRedis = Redis & ScriptCommands;

export function defineScripts(redis: Redis): ChirpRedis {
  redis.defineCommand('fanoutChunk', { lua: SCRIPTS.fanoutChunk });
  redis.defineCommand('fanoutRange', { lua: SCRIPTS.fanoutRange, numberOfKeys: 3 });
  redis.defineCommand('follow', { lua: SCRIPTS.follow, numberOfKeys: 6 });
  redis.defineCommand('unfollow', { lua: SCRIPTS.unfollow, numberOfKeys: 5 });
  redis.defineCommand('timelinePage', { lua: SCRIPTS.timelinePage, numberOfKeys: 1 });
  redis.defineCommand('homePage', { lua: SCRIPTS.homePage, numberOfKeys: 3 });
  return redis as ChirpRedis;
}
