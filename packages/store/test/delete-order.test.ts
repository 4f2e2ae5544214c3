import { describe, expect, it } from 'vitest';
import { createTestContext } from '@chirp/testkit';
import { ForYouCandidates, SocialStore, TweetStore } from '@chirp/store';
import type { Tweet } from '@chirp/core';

// A tombstone is the latest record of its tweet whatever the topic it came on: a verdict on
// twitter.tweetTags handled after the delete (the tagger is another group, on another topic) must
// not bring the id back into any view.
const ctx = await createTestContext();
const tweets = new TweetStore(ctx.redis, ctx.keys);
const social = new SocialStore(ctx.redis, ctx.keys, { cap: 800 });
const candidates = new ForYouCandidates(ctx.redis, ctx.keys);

const tweet = (id: string): Tweet => ({ id, author: 'ann', text: `tweet ${id}`, createdAt: new Date(Date.now() - 60_000).toISOString() });
const del = (t: Tweet) => ({ tweetId: t.id, author: t.author, createdAt: t.createdAt, at: new Date().toISOString() });

describe('deletes against tag verdicts, in either order', () => {
  it('a verdict handled after the tombstone puts the id in no tag index, no tags key and no for-you candidates', async () => {
    const kept = tweet('kept');
    const gone = tweet('gone');
    await tweets.saveMany([kept, gone]);
    await social.tombstone(del(gone));
    // The tagger's verdicts arrive after the delete (both in one batch, as the tagger writes them).
    await tweets.saveTagsMany([
      { tweetId: gone.id, tags: ['foodies'], createdAtMs: Date.parse(gone.createdAt) },
      { tweetId: kept.id, tags: ['foodies'], createdAtMs: Date.parse(kept.createdAt) },
    ]);
    expect(await ctx.redis.zrange(ctx.keys.tagTweets('foodies'), 0, -1)).toEqual(['kept']);
    expect(await ctx.redis.exists(ctx.keys.tweetTags(gone.id))).toBe(0);
    await ctx.redis.zadd(ctx.keys.preferences('reader'), 5, 'foodies');
    const c = await candidates.read('reader', { strongTags: 3, perTag: 10, timelineWindow: 10 });
    expect(c.tagged.flat()).toEqual(['kept']);
  });

  it('a verdict handled before the tombstone is taken out by it', async () => {
    const t = tweet('tagged-first');
    await tweets.saveMany([t]);
    await tweets.saveTags(t.id, ['sports_fans'], Date.parse(t.createdAt));
    expect(await ctx.redis.zscore(ctx.keys.tagTweets('sports_fans'), t.id)).not.toBeNull();
    await social.tombstone(del(t));
    expect(await ctx.redis.zscore(ctx.keys.tagTweets('sports_fans'), t.id)).toBeNull();
    expect(await ctx.redis.exists(ctx.keys.tweetTags(t.id))).toBe(0);
  });
});
