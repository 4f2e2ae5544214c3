import { describe, expect, it } from 'vitest';
import type { Tweet } from '@chirp/core';
import { createTestContext } from '@chirp/testkit';
import {
  AccountStore,
  ActivityWindow,
  ActivityStore,
  entryId,
  ForYouCandidates,
  GraphStore,
  HomeTimeline,
  isCluster,
  PreferencesStore,
  RedisRouting,
  RelationStore,
  SocialStore,
  TweetStore,
} from '@chirp/store';

// The store paths whose keys span users or tweets. `npm test` runs this on one Redis; the
// `pipeline-cluster` project of `npm run test:cluster` runs the same file on a Redis Cluster of
// 3 masters (hash-tagged keys, a Cluster client), where each path takes its cross-slot form.
const ctx = await createTestContext();
const { redis, keys } = ctx;
const tweets = new TweetStore(redis, keys);
const graph = new GraphStore(redis, keys, 50);
const home = new HomeTimeline(redis, keys, tweets, { cap: 50, activeDays: 30 });
const social = new SocialStore(redis, keys, { cap: 50 });
const relations = new RelationStore(redis, keys);
const routing = new RedisRouting(redis);
const users = Array.from({ length: 24 }, (_, i) => `xs${i}`);

const tweet = (id: string, author: string, msAgo: number, replyTo?: string): Tweet => ({
  id,
  author,
  text: `tweet ${id}`,
  createdAt: new Date(Date.now() - msAgo).toISOString(),
  ...(replyTo ? { replyTo: { id: replyTo, author: 'xs0' } } : {}),
});
const timeline = async (user: string): Promise<string[]> => (await redis.lrange(keys.timeline(user), 0, -1)).map(entryId);

describe(`cross-slot store paths (${isCluster(redis) ? 'Redis Cluster' : 'one Redis'})`, () => {
  it('spreads the test users over every node of the topology', async () => {
    await redis.get(keys.timeline('xs0')); // a cluster client has its slot map once it answered
    const nodes = new Set(users.map((u) => routing.nodeOf(keys.timeline(u))));
    expect(nodes.size).toBe(isCluster(redis) ? 3 : 1);
  });

  it('saves tweets of many authors and replies under their parent; a deleted tweet is neither stored nor listed', async () => {
    await redis.set(keys.tombstone('xs-dead'), '1');
    const batch = [tweet('xs-p', 'xs0', 5000), ...users.slice(1, 9).map((u, i) => tweet(`xs-r${i}`, u, 4000 - i, 'xs-p')), tweet('xs-dead', 'xs3', 100)];
    await tweets.saveMany(batch);
    await tweets.saveMany(batch); // redelivered: the same values
    const got = await tweets.getMany(['xs-p', ...batch.slice(1, 9).map((t) => t.id), 'xs-dead']);
    expect(got.map((t) => t.id)).toEqual(['xs-p', ...batch.slice(1, 9).map((t) => t.id)]);
    expect(got[0]!.counts).toEqual({ likes: 0, retweets: 0, replies: 8 });
    expect(await redis.zrange(keys.userTweets('xs3'), 0, -1)).toEqual(['xs-r2']);
    expect(await redis.zcard(keys.replies('xs-p'))).toBe(8);
    expect(await redis.zscore(keys.users(), 'xs5')).not.toBeNull();
    await tweets.indexByAuthorMany([{ id: 'xs-dead', author: 'xs3', createdAtMs: Date.now() }]);
    expect(await redis.zrange(keys.userTweets('xs3'), 0, -1)).toEqual(['xs-r2']);
  });

  it('follows and unfollows across users: both sides agree, the timeline merges and drops the author, redeliveries change nothing', async () => {
    const reader = 'xs20';
    const authors = users.slice(1, 9);
    const t0 = Date.now() - 10_000;
    for (const [i, a] of authors.entries()) expect(await graph.follow(reader, a, t0 + i)).toBe(true);
    for (const [i, a] of authors.entries()) expect(await graph.follow(reader, a, t0 + i)).toBe(false); // redelivered
    expect((await timeline(reader)).sort()).toEqual(authors.map((_, i) => `xs-r${i}`).sort());
    expect(await redis.zrange(keys.following(reader), 0, -1)).toEqual(authors);
    for (const a of authors) expect(await redis.zrange(keys.followers(a), 0, -1)).toEqual([reader]);
    const profile = await graph.profile('xs1', reader);
    expect(profile).toMatchObject({ followers: 1, following: 0, tweets: 1, exists: true, viewerFollows: true });
    const counts = await graph.followerCountsAndPulled(authors);
    expect([...counts.values()]).toEqual(authors.map(() => [1, false]));

    expect(await graph.unfollow(reader, 'xs2', t0 + 100)).toBe(true);
    expect(await graph.unfollow(reader, 'xs2', t0 + 100)).toBe(false);
    expect(await graph.follow(reader, 'xs2', t0 + 50)).toBe(false); // older than the unfollow: loses
    expect(await timeline(reader)).not.toContain('xs-r1');
    expect(await redis.zscore(keys.followers('xs2'), reader)).toBeNull();
    expect(await redis.zscore(keys.following(reader), 'xs2')).toBeNull();
  });

  it('a follow interrupted after its first step is completed by the redelivery', async () => {
    const at = Date.now() - 1000;
    if (isCluster(redis)) {
      // The crash: only the user's side applied (edge-user-side.lua), nothing on the target's slot.
      await redis.edgeUserSide(keys.edgeClocks('xs21'), keys.following('xs21'), 'xs4', at, 'f');
      expect(await redis.zscore(keys.followers('xs4'), 'xs21')).toBeNull();
    }
    await graph.follow('xs21', 'xs4', at); // the redelivery (on one server, the only delivery)
    expect(await redis.zscore(keys.followers('xs4'), 'xs21')).not.toBeNull();
    expect(await timeline('xs21')).toEqual(['xs-r3']);
  });

  it('reads a home page with a pulled author merged, and rebuilds a returning reader', async () => {
    await graph.markPulled('xs5', 1);
    const page = await home.page('xs20', undefined, 20);
    const expected = ['xs-r0', 'xs-r2', 'xs-r3', 'xs-r4', 'xs-r5', 'xs-r6', 'xs-r7'];
    expect(page.tweets.map((t) => t.id).sort()).toEqual(expected.sort());
    // Paged by 3: the same tweets, each once.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await home.page('xs20', cursor, 3);
      seen.push(...p.tweets.map((t) => t.id));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(page.tweets.map((t) => t.id));
    await graph.unmarkPulled('xs5');
    // Back after the activity window: the first read rebuilds from the authors followed.
    await redis.zadd(keys.activeUsers(), Date.now() - 40 * 24 * 3600_000, 'xs22');
    await redis.zadd(keys.following('xs22'), 1, 'xs6', 2, 'xs7');
    const back = await home.page('xs22', undefined, 10);
    expect(back.rebuilt).toBe(true);
    expect(back.tweets.map((t) => t.id).sort()).toEqual(['xs-r5', 'xs-r6']); // by xs6 and xs7
    expect((await home.page('xs22', undefined, 10)).rebuilt).toBe(false);
    const activity = new ActivityStore(redis, keys, new ActivityWindow(30));
    await redis.zadd(keys.activeUsers(), Date.now() - 40 * 24 * 3600_000, 'xs23');
    expect(await activity.record([{ user: 'xs23', atMs: Date.now() }])).toBe(1);
    expect(await redis.exists(keys.timelineRebuild('xs23'))).toBe(1);
  });

  it('reads for-you candidates from the strongest tags, writes preferences and accounts of many users', async () => {
    await tweets.saveTagsMany([
      { tweetId: 'xs-r0', tags: ['tech_savvy'], createdAtMs: Date.now() - 3000 },
      { tweetId: 'xs-r2', tags: ['music_lovers', 'tech_savvy'], createdAtMs: Date.now() - 2000 },
    ]);
    const prefs = new PreferencesStore(redis, keys);
    await prefs.write(users.slice(0, 6).map((user) => ({ user, scores: { tech_savvy: 2, music_lovers: 1 } })));
    expect(await prefs.top('xs5')).toEqual([
      { tag: 'tech_savvy', score: 2 },
      { tag: 'music_lovers', score: 1 },
    ]);
    const candidates = await new ForYouCandidates(redis, keys).read('xs0', { strongTags: 2, perTag: 5, timelineWindow: 10 });
    expect(candidates.affinity.map((a) => a.tag)).toEqual(['tech_savvy', 'music_lovers']);
    expect(candidates.tagged).toEqual([['xs-r2', 'xs-r0'], ['xs-r2']]);
    const accounts = new AccountStore(redis, keys);
    const at = new Date().toISOString();
    await accounts.claim(users.slice(0, 6).map((handle) => ({ handle, passwordHash: 'h', requestId: `r-${handle}`, createdAt: at })));
    expect((await accounts.account('XS4'))?.requestId).toBe('r-xs4');
  });

  it('applies mutes and blocks across users, redelivered and out of order: own and reverse sets agree', async () => {
    const base = Date.now() - 10_000;
    const at = (ms: number): string => new Date(base + ms).toISOString();
    expect(await relations.apply({ user: 'xs0', target: 'xs9', kind: 'block', action: 'on', at: at(1) })).toBe(true);
    expect(await relations.apply({ user: 'xs0', target: 'xs9', kind: 'block', action: 'on', at: at(1) })).toBe(false);
    expect(await relations.apply({ user: 'xs1', target: 'xs9', kind: 'mute', action: 'on', at: at(1) })).toBe(true);
    expect(await relations.apply({ user: 'xs1', target: 'xs9', kind: 'mute', action: 'off', at: at(5) })).toBe(true);
    expect(await relations.apply({ user: 'xs1', target: 'xs9', kind: 'mute', action: 'on', at: at(3) })).toBe(false);
    expect(await relations.blockedEitherWay('xs9', 'xs0')).toBe(true);
    expect(await relations.state('xs9', 'xs0')).toEqual({ muted: false, blocked: false, blockedBy: true });
    expect(await redis.smembers(keys.blockedBy('xs9'))).toEqual(['xs0']);
    expect(await redis.smembers(keys.mutedBy('xs9'))).toEqual([]);
  });

  it('decorates a page with likes and the followees who retweeted', async () => {
    const at = new Date().toISOString();
    await social.applyLike({ user: 'xs20', tweetId: 'xs-r3', author: 'xs4', action: 'like', at });
    await social.applyRetweet({ user: 'xs1', tweetId: 'xs-r3', author: 'xs4', action: 'retweet', createdAt: at, at });
    await social.applyRetweet({ user: 'xs23', tweetId: 'xs-r3', author: 'xs4', action: 'retweet', createdAt: at, at });
    const [t] = await tweets.getMany(['xs-r3']);
    expect(t!.counts).toEqual({ likes: 1, retweets: 2, replies: 0 });
    await social.decorate([t!], 'xs20', true);
    expect(t).toMatchObject({ liked: true, retweeted: false, retweetedBy: ['xs1'] });
  });
});
