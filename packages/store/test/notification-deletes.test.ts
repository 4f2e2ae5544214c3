import { describe, expect, it } from 'vitest';
import { createTestContext } from '@chirp/testkit';
import { NotificationStore, notificationGroup, SocialStore } from '@chirp/store';

// The notify group and the fanout group (which applies tombstones) read different topics, so a
// like or mention of a tweet may be applied before or after its delete: either way, a deleted
// tweet's notifications are not listed (the tombstone is kept and rebuilt, so a rebuild agrees).
const ctx = await createTestContext();
const notifications = new NotificationStore(ctx.redis, ctx.keys, 200);
const social = new SocialStore(ctx.redis, ctx.keys, { cap: 800 });
const T = Date.now() - 60_000;
const del = (tweetId: string, author: string) => ({ tweetId, author, createdAt: new Date(T).toISOString(), at: new Date().toISOString() });

describe('notifications of a deleted tweet', () => {
  it('are not listed, whether the activity was applied before or after the tombstone', async () => {
    await notifications.react('hanna', notificationGroup('like', 'liked'), 'maria', T + 1, true);
    await notifications.add('hanna', notificationGroup('mention', 'mentioning'), 'john', T + 2);
    await notifications.add('hanna', notificationGroup('follow', '2026-12-01'), 'ann', T + 3);
    await notifications.react('hanna', notificationGroup('retweet', 'kept'), 'bob', T + 4, true);
    await social.tombstone(del('liked', 'hanna'));
    await social.tombstone(del('mentioning', 'john'));
    await social.tombstone(del('late', 'hanna'));
    // Applied by the notify group after the fanout group applied the tombstone.
    await notifications.react('hanna', notificationGroup('like', 'late'), 'maria', T + 5, true);
    const page = await notifications.page('hanna', undefined, 20, new Set());
    expect(page.notifications.map((n) => n.id)).toEqual(['retweet:kept', 'follow:2026-12-01']);
  });
});
