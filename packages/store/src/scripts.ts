import { readFileSync } from 'node:fs';
import type { Cluster, Redis } from 'ioredis';

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

/**
 * Every Lua script of the project, registered by this one loader as commands (ioredis sends
 * EVALSHA and falls back to EVAL once). Each declares its keys (numberOfKeys), except
 * deliverToUsers, saveTweet and deleteTweet whose key count varies per call.
 */
const SCRIPTS = {
  deliverToUsers: { file: 'deliver-to-users', keys: undefined },
  fanoutRange: { file: 'fanout-range', keys: 4 },
  fanoutBatch: { file: 'fanout-batch', keys: 1 },
  recordActivity: { file: 'record-activity', keys: 1 },
  follow: { file: 'follow', keys: 7 },
  unfollow: { file: 'unfollow', keys: 5 },
  homePage: { file: 'home-page', keys: 6 },
  forYouCandidates: { file: 'for-you-candidates', keys: 2 },
  notify: { file: 'notify', keys: 4 },
  relation: { file: 'relation', keys: 3 },
  notificationsRead: { file: 'notifications-read', keys: 1 },
  // social (issue 18): deletes, replies, retweets, likes (packages/store/src/social-store.ts)
  saveTweet: { file: 'save-tweet', keys: undefined },
  indexByAuthor: { file: 'index-by-author', keys: 2 },
  saveTags: { file: 'save-tags', keys: 2 },
  deleteTweet: { file: 'delete-tweet', keys: undefined },
  unfanPage: { file: 'unfan-page', keys: 2 },
  unretweetEntries: { file: 'unretweet-entries', keys: 1 },
  applyReaction: { file: 'apply-reaction', keys: 7 },
  retweetPage: { file: 'retweet-page', keys: 5 },
  unretweetPage: { file: 'unretweet-page', keys: 4 },
  replyRange: { file: 'reply-range', keys: 3 },
  // Redis Cluster forms of save-tweet.lua, one slot each (tweet-store.ts)
  saveBody: { file: 'save-body', keys: 2 },
  saveReply: { file: 'save-reply', keys: 5 },
  // Redis Cluster forms of follow.lua / unfollow.lua on the user's slot (graph-store.ts)
  edgeUserSide: { file: 'edge-user-side', keys: 2 },
  followerMirror: { file: 'follower-mirror', keys: 1 },
  timelineAuthorEntries: { file: 'timeline-author-entries', keys: 2 },
  recordActivityReturning: { file: 'record-activity-returning', keys: 1 },
  dropReply: { file: 'drop-reply', keys: 4 },
} as const;

export interface ScriptCommands {
  deliverToUsers(numKeys: number, ...args: (string | number)[]): Promise<number>;
  fanoutRange(...args: (string | number)[]): Promise<[number, string, number]>;
  fanoutBatch(...args: (string | number)[]): Promise<(number | string)[]>;
  recordActivity(...args: (string | number)[]): Promise<number>;
  follow(...args: (string | number)[]): Promise<number>;
  unfollow(...args: (string | number)[]): Promise<number>;
  homePage(...args: (string | number)[]): Promise<[string[], string[], number, number, string[]]>;
  forYouCandidates(...args: (string | number)[]): Promise<[string[], string[], string[][]]>;
  notify(...args: (string | number)[]): Promise<number>;
  relation(...args: (string | number)[]): Promise<number>;
  notificationsRead(...args: (string | number)[]): Promise<number>;
  saveTweet(numKeys: number, ...args: (string | number)[]): Promise<number>;
  indexByAuthor(...args: (string | number)[]): Promise<number>;
  saveTags(...args: (string | number)[]): Promise<number>;
  deleteTweet(numKeys: number, ...args: (string | number)[]): Promise<number>;
  unfanPage(...args: (string | number)[]): Promise<[string, number]>;
  unretweetEntries(...args: (string | number)[]): Promise<[number, number]>;
  applyReaction(...args: (string | number)[]): Promise<number>;
  retweetPage(...args: (string | number)[]): Promise<[string, number]>;
  unretweetPage(...args: (string | number)[]): Promise<[string, number]>;
  replyRange(...args: (string | number)[]): Promise<[string, number]>;
  saveBody(...args: (string | number)[]): Promise<number>;
  saveReply(...args: (string | number)[]): Promise<number>;
  edgeUserSide(...args: (string | number)[]): Promise<[number, number]>;
  followerMirror(...args: (string | number)[]): Promise<number>;
  timelineAuthorEntries(...args: (string | number)[]): Promise<number>;
  recordActivityReturning(...args: (string | number)[]): Promise<string[]>;
  dropReply(...args: (string | number)[]): Promise<number>;
}

export type ChirpRedis = Redis & ScriptCommands;

const sources = Object.fromEntries(Object.entries(SCRIPTS).map(([name, s]) => [name, loadScript(s.file)]));

/**
 * Prepended to a script's `<name>Routed` variant (Redis Cluster, cluster-routing.ts): KEYS[1]
 * routes the call, ARGV[1] = n further keys of the same node, ARGV[2..n+1] those keys, then the
 * script's own arguments; unpacked here so the script body reads KEYS and ARGV as on one server.
 */
export const ROUTED_PREAMBLE = `do
  local n, m = tonumber(ARGV[1]), #ARGV
  for i = 1, n do KEYS[i + 1] = ARGV[i + 1] end
  for i = 1, m - n - 1 do ARGV[i] = ARGV[i + n + 1] end
  for i = m, m - n, -1 do ARGV[i] = nil end
end
`;

/** Registers every script on a client: as itself, and as `<name>Routed` for Redis Cluster (one declared key). */
export function defineScripts(redis: Redis | Cluster): ChirpRedis {
  for (const [name, s] of Object.entries(SCRIPTS)) {
    redis.defineCommand(name, s.keys === undefined ? { lua: sources[name]! } : { lua: sources[name]!, numberOfKeys: s.keys });
    redis.defineCommand(`${name}Routed`, { lua: ROUTED_PREAMBLE + sources[name]!, numberOfKeys: 1 });
  }
  return redis as unknown as ChirpRedis;
}
