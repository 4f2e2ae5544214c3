import { applyClick, CLICK_WEIGHTS, ForwardDecay, userStateSchema, type AffinityModel, type UserState } from '@chirp/analytics';
import { analyticsEnv, clickSchema, loadConfig, TAGS, tweetTagsSchema, type Click, type Tag, type TweetTags } from '@chirp/core';
import { PreferencesStore } from '@chirp/store';
import { Emitter, jsonCodec, tableRecordCodec, View, type TableRecord } from '@chirp/streams';
import { createLogger } from '@chirp/telemetry';
import type { ServiceProcess, TestContext } from '@chirp/testkit';

/** The model the service runs with by default (same config defaults, same weights). */
export function defaultModel(): AffinityModel {
  const config = loadConfig(analyticsEnv, {});
  return {
    decay: new ForwardDecay({ halfLifeMs: config.ANALYTICS_HALF_LIFE_HOURS * 3600_000, landmarkMs: Date.parse(config.ANALYTICS_DECAY_LANDMARK) }),
    weights: CLICK_WEIGHTS,
    trendWindowMinutes: config.ANALYTICS_TREND_WINDOW_MINUTES,
  };
}

const KINDS = ['open', 'dwell', 'like', 'share'] as const;

/** Tweets with 0-3 tags each (deterministic), their verdicts written to twitter.tweetTags. */
export async function tagTweets(ctx: TestContext, count: number): Promise<Map<string, Tag[]>> {
  const tags = new Map<string, Tag[]>();
  for (let t = 0; t < count; t++)
    tags.set(
      `tw${t}`,
      Array.from({ length: t % 4 }, (_, j) => TAGS[(t * 7 + j * 13) % TAGS.length]!),
    );
  const emitter = new Emitter<TweetTags>({ producer: await ctx.producer(), topic: ctx.topics.tweetTags, codec: jsonCodec(tweetTagsSchema) });
  const verdicts = [...tags].map(([tweetId, list]) => ({
    key: tweetId,
    value: { tweetId, tags: list, provider: 'local', model: null, taggedAt: new Date().toISOString() },
  }));
  for (let i = 0; i < verdicts.length; i += 500) await emitter.emitMany(verdicts.slice(i, i + 500));
  return tags;
}

/** `count` clicks over `users` users and `tweets` tweets, spread over the last ~50 minutes. */
export function makeClicks(count: number, users: number, tweets: number, userPrefix = 'u'): Click[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    clickId: `${userPrefix}c${i}`,
    user: `${userPrefix}${(i * 31) % users}`,
    tweetId: `tw${(i * 17 + Math.floor(i / users)) % tweets}`,
    kind: KINDS[i % KINDS.length]!,
    at: new Date(now - (count - i) * 300).toISOString(),
  }));
}

/** What a clean run computes: the same pure function, each user's clicks folded in order. */
export function expectedStates(clicks: readonly Click[], tags: ReadonlyMap<string, Tag[]>, model: AffinityModel): Map<string, UserState> {
  const states = new Map<string, UserState>();
  for (const c of clicks) states.set(c.user, applyClick(states.get(c.user), c, tags.get(c.tweetId)!, model));
  return states;
}

export async function produceClicks(ctx: TestContext, clicks: readonly Click[]): Promise<void> {
  const emitter = new Emitter<Click>({ producer: await ctx.producer(), topic: ctx.topics.clicks, codec: jsonCodec(clickSchema) });
  await emitter.emitMany(clicks.map((c) => ({ key: c.user, value: c, timestamp: Date.parse(c.at) })));
}

/** Offsets the analytics group committed on twitter.clicks, summed. */
export async function committed(ctx: TestContext): Promise<number> {
  const admin = ctx.kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId: `${ctx.prefix}analytics`, topics: [ctx.topics.clicks] });
    return offsets!.partitions.reduce((s, p) => s + Math.max(0, Number(p.offset)), 0);
  } finally {
    await admin.disconnect();
  }
}

/** A counter or gauge of a service's /metrics, summed over the series whose labels contain `match`. */
export async function metric(svc: ServiceProcess, name: string, match = ''): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${svc.port}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) && l.includes(match))
    .reduce((s, l) => s + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

/** A view of the analytics table, read by the test as the API reads it. */
export async function tableView(ctx: TestContext): Promise<View<TableRecord<UserState>>> {
  const view = new View({
    kafka: ctx.kafka,
    topic: `${ctx.prefix}analytics-table`,
    codec: tableRecordCodec(userStateSchema),
    logger: createLogger('test-view', 'silent'),
  });
  ctx.onCleanup(() => view.close());
  await view.start();
  await view.catchUp();
  return view;
}

/** Differences between two affinity maps beyond floating point (relative 1e-9). */
export function affinityDiff(got: Readonly<Record<string, number>>, want: Readonly<Record<string, number>>): string[] {
  const out: string[] = [];
  for (const tag of new Set([...Object.keys(got), ...Object.keys(want)])) {
    const a = got[tag];
    const b = want[tag];
    if (a === undefined || b === undefined || Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b))) out.push(`${tag}: ${a} != ${b}`);
  }
  return out;
}

/** Every user's Redis copy compared with the expected affinity; the users that differ. */
export async function redisMismatches(ctx: TestContext, expected: ReadonlyMap<string, UserState>): Promise<string[]> {
  const prefs = new PreferencesStore(ctx.redis, ctx.keys);
  const bad: string[] = [];
  for (const [user, state] of expected) {
    if (Object.keys(state.affinity).length === 0) continue;
    const got = Object.fromEntries((await prefs.top(user)).map((t) => [t.tag, t.score]));
    if (affinityDiff(got, state.affinity).length > 0) bad.push(user);
  }
  return bad;
}

/** The last assignment a processor logged ('joined group'). */
export function lastAssignment(svc: ServiceProcess): Record<string, number[]> | undefined {
  let last: Record<string, number[]> | undefined;
  for (const line of svc.logs().split('\n')) {
    if (!line.includes('"joined group"')) continue;
    try {
      last = (JSON.parse(line) as { assignment: Record<string, number[]> }).assignment;
    } catch {
      /* a partial line */
    }
  }
  return last;
}
