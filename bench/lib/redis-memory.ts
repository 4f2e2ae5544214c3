import type { Redis } from 'ioredis';
import type { Keys } from '@chirp/store';
import { parseEntry } from '@chirp/store';

export interface RedisMemory {
  sampledTimelines: number;
  timelineEntries: number;
  bytesPerTimelineEntry: number;
  timelinesAtCap: number;
  cap: number;
  /** Memory of one full (capped) timeline: what an active user costs at most. */
  bytesPerFullTimeline: number;
  sampledTweets: number;
  bytesPerStoredTweet: number;
  usedMemoryMb: number;
}

/**
 * `MEMORY USAGE` (every element, SAMPLES 0) of sampled home timelines and of the tweets they hold:
 * bytes per timeline entry and per stored tweet (the tweet's own key), and how many timelines the
 * cap (TIMELINE_CAP) already trims, since past the cap a timeline's memory stops growing.
 */
export async function redisMemory(redis: Redis, keys: Keys, users: number, cap: number, sample = 500): Promise<RedisMemory> {
  const step = Math.max(1, Math.floor(users / sample));
  const names = Array.from({ length: Math.min(sample, users) }, (_, i) => `u${i * step}`);
  const pipe = redis.pipeline();
  for (const u of names) {
    pipe.call('MEMORY', 'USAGE', keys.timeline(u), 'SAMPLES', '0');
    pipe.llen(keys.timeline(u));
    pipe.lindex(keys.timeline(u), 0);
  }
  const replies = (await pipe.exec()) ?? [];
  let bytes = 0;
  let entries = 0;
  let full = 0;
  let timelines = 0;
  const tweetIds: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const mem = Number(replies[3 * i]?.[1] ?? 0);
    const len = Number(replies[3 * i + 1]?.[1] ?? 0);
    const head = replies[3 * i + 2]?.[1];
    if (len === 0) continue;
    timelines++;
    bytes += mem;
    entries += len;
    if (len >= cap) full++;
    if (typeof head === 'string') tweetIds.push(parseEntry(head).id);
  }
  const tweetPipe = redis.pipeline();
  for (const id of tweetIds) tweetPipe.call('MEMORY', 'USAGE', keys.tweet(id), 'SAMPLES', '0');
  const tweetMem = ((await tweetPipe.exec()) ?? []).map((r) => Number(r[1] ?? 0)).filter((b) => b > 0);
  const usedMemory = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
  const perEntry = entries > 0 ? bytes / entries : 0;
  return {
    sampledTimelines: timelines,
    timelineEntries: entries,
    bytesPerTimelineEntry: perEntry,
    timelinesAtCap: full,
    cap,
    bytesPerFullTimeline: perEntry * cap,
    sampledTweets: tweetMem.length,
    bytesPerStoredTweet: tweetMem.length > 0 ? tweetMem.reduce((a, b) => a + b, 0) / tweetMem.length : 0,
    usedMemoryMb: usedMemory / 2 ** 20,
  };
}
