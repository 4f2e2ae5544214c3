import { clickSchema, deadLetterTopic, groupId, retryTopic, TAGS, topicNames, WORKER_GROUPS, type Click } from '@chirp/core';
import { CLICK_WEIGHTS, ForwardDecay } from '@chirp/analytics';
import { createKafka, HEADER, headerString } from '@chirp/streams';
import { closeRedis, createKeys, createRedis, execAcrossSlots, type ChirpRedis, type Keys } from '@chirp/store';
import type { IHeaders, Kafka } from 'kafkajs';
import type { ApiClient } from './api-client.ts';
import type { AckedTweet, Model } from './model.ts';

export interface CheckRow {
  check: string;
  /** How many things were checked. */
  checked: number;
  lost: number;
  duplicated: number;
  misplaced: number;
  /** A few examples of what failed, for the log. */
  examples: string[];
  /** Tweets behind the failures, to lay them against the faults' time windows. */
  tweets: { id: string; kind: FailureKind }[];
  /** For a failure the examples do not explain: what Redis holds around it (missing timeline entries). */
  details?: string[];
}

export type FailureKind = 'lost' | 'duplicated' | 'misplaced';

export interface InvariantOptions {
  brokers: string;
  redisUrl: string;
  /** REDIS_CLUSTER_NODES of a Redis Cluster topology (keys then carry hash tags); undefined on one server. */
  redisClusterNodes?: string;
  prefix: string;
  timelineCap: number;
  /** Defaults of the analytics worker, for the clean recomputation of preferences. */
  halfLifeHours?: number;
  landmark?: string;
  log?: (line: string) => void;
}

function row(check: string): CheckRow {
  return { check, checked: 0, lost: 0, duplicated: 0, misplaced: 0, examples: [], tweets: [] };
}
function note(r: CheckRow, what: string): void {
  if (r.examples.length < 5) r.examples.push(what);
}
/** Counts one failure of `kind`, with an example line and the tweet it concerns. */
function fail(r: CheckRow, kind: FailureKind, what: string, tweetId?: string, n = 1): void {
  r[kind] += n;
  note(r, what);
  if (tweetId) r.tweets.push({ id: tweetId, kind });
}

/** Consumer lag of every worker group over its inputs and its retry topic; 0 when all caught up. */
export async function totalLag(kafka: Kafka, prefix: string): Promise<number> {
  const t = topicNames(prefix);
  const inputs: Record<(typeof WORKER_GROUPS)[number], string[]> = {
    saver: [t.newTweets],
    fanout: [t.newTweets, t.fanout],
    tagger: [t.newTweets],
    graph: [t.follows],
    analytics: [t.clicks],
    accounts: [t.accounts],
  };
  const admin = kafka.admin();
  await admin.connect();
  try {
    let lag = 0;
    for (const name of WORKER_GROUPS) {
      const group = groupId(prefix, name);
      const topics = [...inputs[name], retryTopic(group)];
      const committed = await admin.fetchOffsets({ groupId: group, topics });
      for (const { topic, partitions } of committed) {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const end of ends) {
          const c = partitions.find((p) => p.partition === end.partition);
          const at = c && Number(c.offset) >= 0 ? Number(c.offset) : Number(end.low);
          lag += Math.max(0, Number(end.high) - at);
        }
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}

/**
 * The order of home timelines (lua/includes/timeline-entry.lua): newer first, and within one
 * millisecond the greater id (bytes) first. Negative when `a` comes before `b`.
 */
export function timelineOrder(a: { id: string; createdAt: string }, b: { id: string; createdAt: string }): number {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  return byTime !== 0 ? byTime : Buffer.compare(Buffer.from(b.id), Buffer.from(a.id));
}

/**
 * What Redis holds around an expected timeline entry the API did not show: whether the raw list has
 * it, the tweet's body and author-list entry, and the follow's timing against the tweet's.
 */
async function explainMissing(redis: ChirpRedis, k: Keys, model: Model, user: string, t: AckedTweet, shown: number): Promise<string> {
  const created = Date.parse(t.createdAt);
  const entry = `${String(created).padStart(13, '0')}:${t.id}`;
  const [inList, length, body, authorScore, followerScore, oldest] = await Promise.all([
    redis.lpos(k.timeline(user), entry),
    redis.llen(k.timeline(user)),
    redis.exists(k.tweet(t.id)),
    redis.zscore(k.userTweets(t.author), t.id),
    t.author === user ? Promise.resolve(null) : redis.zscore(k.followers(t.author), user),
    redis.lindex(k.timeline(user), -1),
  ]);
  const since = t.author === user ? undefined : model.followingSince(user, t.author);
  return [
    `${t.id} by ${t.author} in ${user}:`,
    `raw list ${inList === null ? 'lacks it' : `has it at ${inList}`} (${length} entries, ${shown} shown, oldest ${oldest})`,
    `body ${body ? 'saved' : 'MISSING'}, author list ${authorScore === null ? 'MISSING' : 'has it'}`,
    since === undefined
      ? 'own tweet'
      : `follow sent ${created - since} ms before the tweet, follower since ${followerScore === null ? 'NOT A FOLLOWER' : `${created - Number(followerScore)} ms before`}`,
    `edges ${JSON.stringify(model.edgeHistory(user, t.author).map((e) => [e.action, e.sentAt - created]))}`,
  ].join(' ');
}

async function pageAll<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; next: string | null | undefined }>,
  max: number,
): Promise<{ items: T[]; looped: boolean }> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (!page.next || items.length > max) return { items, looped: false };
    if (seen.has(page.next)) return { items, looped: true };
    seen.add(page.next);
    cursor = page.next;
  }
}

/**
 * Every invariant of the fault issue, against the model of what the API acknowledged: tweets
 * saved once; in each follower's timeline exactly once (within the cap), in time order, in no one
 * else's; the graph equal to the latest action per edge; every tweet tagged from the vocabulary;
 * preferences equal to a clean recomputation from the clicks in the log; no dead letters; no lag.
 */
export async function checkInvariants(api: ApiClient, model: Model, o: InvariantOptions): Promise<CheckRow[]> {
  const redis = createRedis({ url: o.redisUrl, clusterNodes: o.redisClusterNodes, name: 'chaos-check' });
  // The services run with REDIS_PREFIX '' (chaos-stack.ts); on a cluster their keys carry hash tags.
  const k = createKeys('', { hashTags: o.redisClusterNodes !== undefined });
  const kafka = createKafka({ brokers: o.brokers, clientId: 'chaos-check' });
  try {
    const rows: CheckRow[] = [];
    const tweetsById = new Map<string, { author: string; createdAt: string }>();
    for (const t of model.tweets.values()) tweetsById.set(t.id, t);

    // Saved: every acknowledged tweet has its body and sits in its author's list; nothing unexplained.
    const saved = row('tweet saved once');
    const acked = [...model.tweets.values()];
    for (let i = 0; i < acked.length; i += 500) {
      const slice = acked.slice(i, i + 500);
      const bodies = await getMany(
        redis,
        slice.map((t) => k.tweet(t.id)),
      );
      const scores = await execAcrossSlots(
        redis,
        slice.map((t) => (r) => r.zscore(k.userTweets(t.author), t.id)),
      );
      slice.forEach((t, j) => {
        saved.checked++;
        if (!bodies[j] || scores[j]![1] === null) {
          fail(saved, 'lost', `${t.id} by ${t.author}`, t.id);
        }
      });
    }
    for (const user of model.users) {
      for (const id of await redis.zrange(k.userTweets(user), 0, -1)) {
        if (tweetsById.has(id)) continue;
        const body = JSON.parse((await redis.get(k.tweet(id))) ?? 'null') as AckedTweet | null;
        if (body && model.maybeTweets.get(body.text) === body.author) {
          tweetsById.set(id, body); // a request whose answer was lost: it may exist
          continue;
        }
        fail(saved, 'misplaced', `unexplained ${id} in tweets:${user}`, id);
      }
    }
    rows.push(saved);

    // Timelines: expected = own tweets + tweets of followees posted since the follow began.
    const timelines = row('home timelines');
    const lostDetails: string[] = [];
    const byAuthor = model.tweetsBy();
    const following = model.following();
    for (const user of model.users) {
      const { items, looped } = await pageAll(async (cursor) => {
        const res = await api.raw<{ tweets: AckedTweet[]; nextCursor: string | null }>(
          'GET',
          `/api/timelines/${user}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          undefined,
          user,
        );
        if (res.kind !== 'acked') throw new Error(`timeline of ${user}: ${JSON.stringify(res)}`);
        return { items: res.value.tweets, next: res.value.nextCursor };
      }, o.timelineCap * 2);
      if (looped) {
        fail(timelines, 'duplicated', `paging of ${user} loops`);
      }
      const seen = new Set<string>();
      let previous = Infinity;
      for (const t of items) {
        if (seen.has(t.id)) {
          fail(timelines, 'duplicated', `${t.id} twice in ${user}`, t.id);
        }
        seen.add(t.id);
        const at = Date.parse(t.createdAt);
        const known = tweetsById.get(t.id);
        const allowed = t.author === user || following.get(user)?.has(t.author) === true;
        // Out of order counts where an entry is newer than the one above it (one per inversion, not per entry after it).
        if (!known || !allowed || at > previous) {
          fail(timelines, 'misplaced', `${t.id} by ${t.author} in ${user}: ${!known ? 'unknown' : !allowed ? 'not followed' : 'out of time order'}`, t.id);
        }
        previous = at;
      }
      const expected: AckedTweet[] = [...(byAuthor.get(user) ?? [])];
      for (const target of following.get(user) ?? []) {
        const since = model.followingSince(user, target)!;
        for (const t of byAuthor.get(target) ?? []) if (Date.parse(t.createdAt) > since) expected.push(t);
      }
      // Within the cap: only tweets at least as new as the oldest entry a full timeline keeps.
      // Compared in the timeline's own order, time then id: tweets created in the same millisecond
      // (a burst after a fault) sit on both sides of the cap. By time alone, run 3 counted 75 tweets
      // at raw positions 800-801, sharing the last shown entry's millisecond, as lost.
      const oldestKept = items.length >= o.timelineCap ? items.at(-1)! : undefined;
      for (const t of expected) {
        if (oldestKept && timelineOrder(t, oldestKept) > 0) continue;
        timelines.checked++;
        if (!seen.has(t.id)) {
          fail(timelines, 'lost', `${t.id} by ${t.author} missing in ${user}`, t.id);
          if (lostDetails.length < 40) lostDetails.push(await explainMissing(redis, k, model, user, t, items.length));
        }
      }
    }
    rows.push(timelines);
    if (lostDetails.length > 0) o.log?.(`  missing timeline entries, first ${lostDetails.length}:\n    ${lostDetails.join('\n    ')}`);
    timelines.details = lostDetails;

    // Graph: followers and following equal the latest acknowledged action per edge.
    const graph = row('graph = latest event per edge');
    const followers = model.followers();
    for (const user of model.users) {
      for (const [side, want] of [
        ['following', following.get(user)],
        ['followers', followers.get(user)],
      ] as const) {
        const { items } = await pageAll(async (cursor) => {
          const res = await api.raw<{ users: string[]; nextCursor: string | null }>(
            'GET',
            `/api/users/${user}/${side}?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
          );
          if (res.kind !== 'acked') throw new Error(`${side} of ${user}: ${JSON.stringify(res)}`);
          return { items: res.value.users, next: res.value.nextCursor };
        }, 1_000_000);
        const got = new Set(items.map((u) => (typeof u === 'string' ? u : (u as { handle: string }).handle)));
        for (const w of want ?? []) {
          graph.checked++;
          if (!got.has(w)) {
            fail(graph, 'lost', `${user} ${side} lacks ${w}`);
          }
        }
        for (const g of got) {
          if (!want?.has(g)) {
            fail(graph, 'misplaced', `${user} ${side} has ${g}`);
          }
        }
        if (got.size !== items.length) graph.duplicated += items.length - got.size;
      }
    }
    rows.push(graph);

    // Tags: every tweet tagged, from the vocabulary only.
    const tags = row('tweet tagged from vocabulary');
    const vocabulary = new Set<string>(TAGS);
    const ids = [...tweetsById.keys()];
    for (let i = 0; i < ids.length; i += 500) {
      const slice = ids.slice(i, i + 500);
      const values = await getMany(
        redis,
        slice.map((id) => k.tweetTags(id)),
      );
      slice.forEach((id, j) => {
        tags.checked++;
        if (values[j] === null) {
          fail(tags, 'lost', `${id} untagged`, id);
        } else if (!(JSON.parse(values[j]!) as string[]).every((t) => vocabulary.has(t))) {
          fail(tags, 'misplaced', `${id} tagged ${values[j]}`, id);
        }
      });
    }
    rows.push(tags);

    rows.push(await checkPreferences(kafka, redis, k, model, o));
    const dead = await checkDeadLetters(kafka, o.prefix);
    if (dead.details?.length) o.log?.(`  dead-lettered clicks:\n    ${dead.details.join('\n    ')}`);
    rows.push(dead);
    const lag = row('consumer lag back to 0');
    lag.checked = WORKER_GROUPS.length;
    const remaining = await totalLag(kafka, o.prefix);
    if (remaining > 0) {
      lag.lost = remaining;
      note(lag, `${remaining} messages not consumed`);
    }
    rows.push(lag);
    return rows;
  } finally {
    await closeRedis(redis);
  }
}

/** GET of many keys, in order: one MGET on one server; on a cluster (keys on every slot) one GET each. */
async function getMany(redis: ChirpRedis, keys: readonly string[]): Promise<(string | null)[]> {
  const replies = await execAcrossSlots(
    redis,
    keys.map((key) => (r) => r.get(key)),
  );
  return replies.map(([error, value]) => {
    if (error) throw error;
    return value as string | null;
  });
}

/** Reads a whole topic once, from the start to the high watermarks taken now. */
export interface TopicRecord {
  key: string | null;
  value: Buffer | null;
  headers: IHeaders;
  partition: number;
  offset: string;
  timestamp: string;
}

export async function readTopic(kafka: Kafka, topic: string): Promise<TopicRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map(ends.filter((e) => Number(e.high) > Number(e.low)).map((e) => [e.partition, Number(e.high)]));
  const out: TopicRecord[] = [];
  if (remaining.size === 0) return out;
  const consumer = kafka.consumer({ groupId: `chaos-read-${process.pid}-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachMessage: async ({ partition, message }) => {
          out.push({
            key: message.key?.toString() ?? null,
            value: message.value,
            headers: message.headers ?? {},
            partition,
            offset: message.offset,
            timestamp: message.timestamp,
          });
          if (Number(message.offset) + 1 >= (remaining.get(partition) ?? Infinity)) remaining.delete(partition);
          if (remaining.size === 0) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return out;
}

async function checkPreferences(kafka: Kafka, redis: ChirpRedis, k: Keys, model: Model, o: InvariantOptions): Promise<CheckRow> {
  const prefs = row('preferences = clean recomputation');
  const decay = new ForwardDecay({ halfLifeMs: (o.halfLifeHours ?? 168) * 3600_000, landmarkMs: Date.parse(o.landmark ?? '2025-01-01T00:00:00.000Z') });
  const clicks = new Map<string, Click>();
  for (const m of await readTopic(kafka, topicNames(o.prefix).clicks)) {
    const click = clickSchema.parse(JSON.parse(m.value!.toString()));
    clicks.set(click.clickId, click); // a producer retry may have written one twice: count it once
  }
  const perUser = new Map<string, number>();
  const expected = new Map<string, Map<string, number>>();
  for (const c of clicks.values()) {
    perUser.set(c.user, (perUser.get(c.user) ?? 0) + 1);
    const tags = JSON.parse((await redis.get(k.tweetTags(c.tweetId))) ?? '[]') as string[];
    const sums = expected.get(c.user) ?? new Map<string, number>();
    for (const t of tags) sums.set(t, (sums.get(t) ?? 0) + decay.contribution(CLICK_WEIGHTS[c.kind], Date.parse(c.at)));
    expected.set(c.user, sums);
  }
  for (const [user, n] of model.clicksAcked) {
    if ((perUser.get(user) ?? 0) < n) {
      prefs.lost += n - (perUser.get(user) ?? 0);
      note(prefs, `${user}: ${n} clicks acknowledged, ${perUser.get(user) ?? 0} in the log`);
    }
  }
  for (const user of model.users) {
    const want = expected.get(user) ?? new Map<string, number>();
    const got = new Map<string, number>();
    const flat = await redis.zrange(k.preferences(user), 0, -1, 'WITHSCORES');
    for (let i = 0; i < flat.length; i += 2) got.set(flat[i]!, Number(flat[i + 1]));
    for (const tag of new Set([...want.keys(), ...got.keys()])) {
      prefs.checked++;
      const w = want.get(tag) ?? 0;
      const g = got.get(tag) ?? 0;
      if (Math.abs(w - g) > 1e-6 * Math.max(1, Math.abs(w))) {
        fail(prefs, g < w ? 'lost' : 'duplicated', `${user}/${tag}: ${g} stored, ${w} recomputed`);
      }
    }
  }
  return prefs;
}

async function checkDeadLetters(kafka: Kafka, prefix: string): Promise<CheckRow> {
  const dlq = row('no valid message in a DLQ');
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const name of WORKER_GROUPS) {
      dlq.checked++;
      const topic = deadLetterTopic(groupId(prefix, name));
      const ends = await admin.fetchTopicOffsets(topic).catch(() => []);
      const n = ends.reduce((sum, e) => sum + Number(e.high) - Number(e.low), 0);
      if (n > 0) {
        dlq.misplaced += n;
        // Why they were dead-lettered (x-error), each distinct reason once.
        const letters = await readTopic(kafka, topic);
        const reasons = new Set(letters.map((m) => headerString(m.headers, HEADER.error) ?? '(no x-error)'));
        note(dlq, `${n} in ${topic}: ${[...reasons].slice(0, 3).join(' / ')}`);
        if (name === 'analytics') dlq.details = [...(dlq.details ?? []), ...(await explainClickLetters(kafka, prefix, letters))];
      }
    }
  } finally {
    await admin.disconnect();
  }
  return dlq;
}

/**
 * For dead-lettered clicks: when the click was made and dead-lettered, where its tweet sits on
 * twitter.newTweets (partition, offset, record time) and when its verdict reached twitter.tweetTags,
 * to lay the failure against the tagger's progress.
 */
async function explainClickLetters(kafka: Kafka, prefix: string, letters: readonly TopicRecord[]): Promise<string[]> {
  const t = topicNames(prefix);
  const clicks = letters.slice(0, 10).map((m) => ({ click: parseOr<Click>(m.value), letteredAt: Number(m.timestamp) }));
  const ids = new Set(clicks.map((c) => c.click.tweetId));
  const json = (b: Buffer | null): Partial<{ id: string }> => parseOr<{ id: string }>(b);
  const tweets = (await readTopic(kafka, t.newTweets)).filter((m) => ids.has(json(m.value).id));
  const verdicts = (await readTopic(kafka, t.tweetTags)).filter((m) => ids.has(m.key ?? ''));
  return clicks.map(({ click, letteredAt }) => {
    const tweet = tweets.find((m) => json(m.value).id === click.tweetId);
    const verdict = verdicts.find((m) => m.key === click.tweetId);
    const ms = (x: string | number | undefined): string => (x === undefined ? '?' : new Date(Number(x)).toISOString().slice(11, 23));
    return [
      `click ${click.clickId} at ${click.at?.slice(11, 23)} on ${click.tweetId}, dead-lettered ${ms(letteredAt)};`,
      tweet ? `tweet p${tweet.partition}@${tweet.offset} record time ${ms(tweet.timestamp)};` : 'tweet NOT on newTweets;',
      verdict ? `verdict p${verdict.partition}@${verdict.offset} appended ${ms(verdict.timestamp)}` : 'NO verdict',
    ].join(' ');
  });
}

/** A record's JSON value, or {} for one that is not JSON (a DECODE dead letter explains itself by its x-error). */
function parseOr<T>(b: Buffer | null): Partial<T> {
  try {
    return JSON.parse(b?.toString() ?? '{}') as Partial<T>;
  } catch {
    return {};
  }
}
