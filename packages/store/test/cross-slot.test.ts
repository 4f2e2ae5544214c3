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
  TimelineStore,
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
    // The fixture's tweets are replies to xs0's xs-p: Twitter's reply rule merges them only into a
    // timeline whose reader follows xs0, so the reader follows xs0 first.
    expect(await graph.follow(reader, 'xs0', t0 - 1)).toBe(true);
    expect(await timeline(reader)).toEqual(['xs-p']);
    for (const [i, a] of authors.entries()) expect(await graph.follow(reader, a, t0 + i)).toBe(true);
    for (const [i, a] of authors.entries()) expect(await graph.follow(reader, a, t0 + i)).toBe(false); // redelivered
    expect((await timeline(reader)).sort()).toEqual(['xs-p', ...authors.map((_, i) => `xs-r${i}`)].sort());
    expect(await redis.zrange(keys.following(reader), 0, -1)).toEqual(['xs0', ...authors]);
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
    // xs4's only tweet replies to xs0, whom xs21 does not follow: the reply rule keeps it out.
    expect(await timeline('xs21')).toEqual([]);
  });

  it('reads a home page with a pulled author merged, and rebuilds a returning reader', async () => {
    await graph.markPulled('xs5', 1);
    const page = await home.page('xs20', undefined, 20);
    const expected = ['xs-p', 'xs-r0', 'xs-r2', 'xs-r3', 'xs-r4', 'xs-r5', 'xs-r6', 'xs-r7'];
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
    await redis.zadd(keys.following('xs22'), 1, 'xs6', 2, 'xs7', 3, 'xs0');
    const back = await home.page('xs22', undefined, 10);
    expect(back.rebuilt).toBe(true);
    expect(back.tweets.map((t) => t.id).sort()).toEqual(['xs-p', 'xs-r5', 'xs-r6']); // by xs0, xs6 and xs7
    expect((await home.page('xs22', undefined, 10)).rebuilt).toBe(false);
    // A returning reader who does not follow xs0: xs6's reply to xs0 stays out of the rebuild.
    await redis.zadd(keys.activeUsers(), Date.now() - 40 * 24 * 3600_000, 'xs24');
    await redis.zadd(keys.following('xs24'), 1, 'xs6');
    const other = await home.page('xs24', undefined, 10);
    expect(other.rebuilt).toBe(true);
    expect(other.tweets).toEqual([]);
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

  it('a fan-out page pushes only to active followers, and a deleted tweet to nobody', async () => {
    const fan = new TimelineStore(redis, keys, { cap: 50, activity: new ActivityWindow(30) });
    const followers = users.slice(10, 20);
    await redis.zadd(keys.followers('xs9'), ...followers.flatMap((u, i) => [i + 1, u]));
    await redis.zadd(keys.activeUsers(), Date.now() - 40 * 24 * 3600_000, 'xs10'); // away: no push
    const page = (tweetId: string) =>
      fan.deliverFollowerPage({
        tweetId,
        createdAtMs: Date.now(),
        author: 'xs9',
        marker: 'inline:-inf/-inf',
        cursor: '-inf',
        to: '+inf',
        limit: 100,
        includeAuthor: true,
      });
    await fan.setPending('xs-fan', 1);
    expect(await page('xs-fan')).toMatchObject({ outcome: 'completed', next: 'end' });
    expect(await page('xs-fan')).toMatchObject({ outcome: 'duplicate' });
    expect(await timeline('xs10')).not.toContain('xs-fan');
    for (const u of ['xs9', ...followers.slice(1)]) expect(await timeline(u)).toContain('xs-fan');
    await redis.set(keys.tombstone('xs-gone'), '1');
    await fan.setPending('xs-gone', 1);
    expect(await page('xs-gone')).toMatchObject({ next: 'end', pushed: 0 });
    for (const u of ['xs9', ...followers]) expect(await timeline(u)).not.toContain('xs-gone');
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

  it("fans a reply out to the replier's followers who follow the author replied to", async () => {
    // xs4's followers: xs20 (follows xs6 too) and xs21 (does not).
    const reply = { ...tweet('xs-rp', 'xs4', 10), replyTo: { id: 'xs-r5', author: 'xs6' } };
    const step = await social.replyPage(reply);
    expect(step).toEqual({ next: 'end', changed: 1 });
    expect(await timeline('xs20')).toContain('xs-rp');
    expect(await timeline('xs21')).not.toContain('xs-rp');
  });

  it("gives a retweet to the retweeter's followers who do not follow the author, once, and the undo takes it back", async () => {
    await graph.follow('xs23', 'xs1', Date.now() - 500); // xs23 follows xs1 only; xs20 follows xs1 and the author xs4
    const [original] = await tweets.getMany(['xs-r3']);
    const e = { user: 'xs1', tweetId: 'xs-r3', author: 'xs4', createdAt: original!.createdAt, action: 'retweet' as const, at: new Date().toISOString() };
    await social.applyRetweet(e);
    expect(await social.retweetPage(e)).toEqual({ next: 'end', changed: 1 });
    expect(await social.retweetPage(e)).toEqual({ next: 'end', changed: 0 }); // the walk is done
    expect((await timeline('xs23')).filter((id) => id === 'xs-r3')).toHaveLength(1);
    expect((await timeline('xs20')).filter((id) => id === 'xs-r3')).toHaveLength(1);
    const undo = { ...e, action: 'undo' as const, at: new Date(Date.parse(e.at) + 1).toISOString() };
    await social.applyRetweet(undo);
    expect(await social.unretweetPage(undo)).toEqual({ next: 'end', changed: 1 });
    expect(await timeline('xs23')).not.toContain('xs-r3');
    expect(await timeline('xs20')).toContain('xs-r3'); // the original reached xs20, not the retweet
  });

  it('deletes a reply everywhere: body, lists, tag lists, the parent count, followers timelines', async () => {
    const [stored] = await tweets.getMany(['xs-r2']);
    expect(await timeline('xs20')).toContain('xs-r2');
    const d = { tweetId: 'xs-r2', author: 'xs3', createdAt: stored!.createdAt, replyTo: { id: 'xs-p', author: 'xs0' }, at: new Date().toISOString() };
    expect(await social.tombstone(d)).toBe(true);
    expect(await social.tombstone(d)).toBe(false); // redelivered
    expect(await social.unfanPage(d)).toMatchObject({ next: 'end' });
    expect(await tweets.getMany(['xs-r2'])).toEqual([]);
    expect(await redis.zrange(keys.userTweets('xs3'), 0, -1)).toEqual([]);
    expect(await redis.zrange(keys.tagTweets('tech_savvy'), 0, -1)).toEqual(['xs-r0']);
    expect((await tweets.getMany(['xs-p']))[0]!.counts).toEqual({ likes: 0, retweets: 0, replies: 7 });
    expect(await timeline('xs20')).not.toContain('xs-r2');
    await tweets.saveMany([tweet('xs-r2', 'xs3', 100, 'xs-p')]); // a late save of the deleted reply
    expect(await tweets.getMany(['xs-r2'])).toEqual([]);
    expect(await redis.zcard(keys.replies('xs-p'))).toBe(7);
  });
});
