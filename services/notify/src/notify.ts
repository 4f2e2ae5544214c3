import { followEventSchema, likeEventSchema, notificationReadSchema, relationEventSchema, retweetEventSchema, tweetSchema } from '@chirp/core';
import { notificationGroup, NotificationStore, RelationStore } from '@chirp/store';
import { input, jsonCodec, type Input, type Processor } from '@chirp/streams';
import { workerProcessor, type WorkerRuntime } from '@chirp/worker';

export interface NotifyOptions {
  /** Notification groups kept per user (NOTIFICATIONS_CAP). */
  cap: number;
}

/** The UTC day of a time: new followers are aggregated per day ("maria and 3 others followed you"). */
export const followDay = (iso: string): string => iso.slice(0, 10);

/**
 * The notify group's edges. Each applies one event idempotently (notify.lua, relation.lua, a
 * forward-only read marker), so a redelivery or a rebuild from the log gives the same feeds.
 */
export function notifyInputs(rt: WorkerRuntime, o: NotifyOptions): Input[] {
  const notifications = new NotificationStore(rt.redis, rt.keys, o.cap);
  const relations = new RelationStore(rt.redis, rt.keys);
  return [
    // Mentions were parsed once by the API and travel on the tweet; nobody is notified of their own mention.
    input(rt.topics.newTweets, jsonCodec(tweetSchema), async ({ value: t }) => {
      const author = t.author.toLowerCase();
      const at = Date.parse(t.createdAt);
      for (const mentioned of t.mentions ?? []) {
        if (mentioned !== author) await notifications.add(mentioned, notificationGroup('mention', t.id), author, at);
      }
      // Replies are grouped per tweet replied to: "maria and 2 others replied to your tweet".
      if (t.replyTo && t.replyTo.author.toLowerCase() !== author)
        await notifications.add(t.replyTo.author, notificationGroup('reply', t.replyTo.id), author, at);
    }),
    // Likes and retweets, grouped per tweet. An unlike or undo takes the actor out of the group
    // (the group goes when empty), last writer wins per actor, so a redelivered or overtaken older
    // like, and a rebuild from the compacted topics, give the same feed as the live order.
    input(rt.topics.likes, jsonCodec(likeEventSchema), async ({ value: e }) => {
      if (e.user.toLowerCase() !== e.author.toLowerCase())
        await notifications.react(e.author, notificationGroup('like', e.tweetId), e.user, Date.parse(e.at), e.action === 'like');
    }),
    input(rt.topics.retweets, jsonCodec(retweetEventSchema), async ({ value: e }) => {
      if (e.user.toLowerCase() !== e.author.toLowerCase())
        await notifications.react(e.author, notificationGroup('retweet', e.tweetId), e.user, Date.parse(e.at), e.action === 'retweet');
    }),
    input(rt.topics.follows, jsonCodec(followEventSchema), async ({ value: e }) => {
      // An unfollow leaves the notification (as Twitter does): it happened.
      if (e.action === 'follow') await notifications.add(e.target, notificationGroup('follow', followDay(e.at)), e.user, Date.parse(e.at));
    }),
    input(rt.topics.relations, jsonCodec(relationEventSchema), async ({ value: e }) => {
      await relations.apply(e);
    }),
    input(rt.topics.notificationReads, jsonCodec(notificationReadSchema), async ({ value: e }) => {
      await notifications.markRead(e.user, Date.parse(e.readAt));
    }),
  ];
}

/** The notify group: notification feeds and the mute/block view. */
export function createNotify(rt: WorkerRuntime, o: NotifyOptions): Processor {
  return workerProcessor(rt, notifyInputs(rt, o));
}
