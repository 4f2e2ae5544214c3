import { z } from 'zod';
import { HANDLE_PATTERN, MAX_MENTIONS, TWEET_MAX_BYTES, TWEET_MAX_CHARS, fitsBytes, fitsChars } from './text.ts';
import { TAGS } from './tags.ts';

export const handleSchema = z.string({ error: 'must be a string' }).regex(HANDLE_PATTERN, 'must be 1-32 letters, digits or _');

const CHARS_MESSAGE = `must be at most ${TWEET_MAX_CHARS} characters`;
const BYTES_MESSAGE = `must be at most ${TWEET_MAX_BYTES} bytes of UTF-8 (${TWEET_MAX_CHARS} characters of up to 4 bytes each)`;

/** Both bounds, bytes first: segmenting a 60 KB string of combining marks is the cost the byte bound avoids. */
const boundedText = <S extends z.ZodType<string>>(schema: S): S =>
  schema.refine((s) => fitsBytes(s), { message: BYTES_MESSAGE, abort: true }).refine((s) => fitsChars(s), CHARS_MESSAGE);

export const tweetTextSchema = boundedText(
  z
    .string({ error: 'must be a string' })
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, 'must not be empty'),
);

export const tweetIdValueSchema = z.string().min(1).max(64);

/** A pointer to another tweet: its id and its author (so no consumer has to look the author up). */
export const tweetRefSchema = z.object({ id: tweetIdValueSchema, author: handleSchema });
export type TweetRef = z.infer<typeof tweetRefSchema>;

/**
 * A tweet as it travels on twitter.newTweets and as it is stored at tweet:<id>. `replyTo` (issue
 * 18) names the tweet this one answers; the API checks it exists when the reply is posted.
 */
export const tweetSchema = z.object({
  id: tweetIdValueSchema,
  author: handleSchema,
  text: boundedText(z.string().min(1)),
  createdAt: z.iso.datetime(),
  /** Lowercased handles the text mentions (`parseMentions`), parsed once by the API; absent on older tweets. */
  mentions: z.array(handleSchema).max(MAX_MENTIONS).optional(),
  replyTo: tweetRefSchema.optional(),
});
export type Tweet = z.infer<typeof tweetSchema>;

/**
 * A tombstone on twitter.tweetDeletes, keyed by the tweet id: the author deleted the tweet. It
 * carries what removal needs without reading the body (which it deletes): the author, the
 * tweet's createdAt (its timeline entry) and the tweet it replied to.
 */
export const tweetDeleteSchema = z.object({
  tweetId: tweetIdValueSchema,
  author: handleSchema,
  createdAt: z.iso.datetime(),
  replyTo: tweetRefSchema.optional(),
  at: z.iso.datetime(),
});
export type TweetDelete = z.infer<typeof tweetDeleteSchema>;

/**
 * A retweet or its undo on twitter.retweets, keyed by `<user>|<tweetId>` (compacted: the latest
 * state of each (user, tweet)); applied last-writer-wins by `at`. `author` and `createdAt` are the
 * original's.
 */
export const retweetEventSchema = z.object({
  user: handleSchema,
  tweetId: tweetIdValueSchema,
  author: handleSchema,
  createdAt: z.iso.datetime(),
  action: z.enum(['retweet', 'undo']),
  at: z.iso.datetime(),
});
export type RetweetEvent = z.infer<typeof retweetEventSchema>;

/** A like or unlike on twitter.likes, keyed by `<user>|<tweetId>` (compacted); last writer wins by `at`. */
export const likeEventSchema = z.object({
  user: handleSchema,
  tweetId: tweetIdValueSchema,
  author: handleSchema,
  action: z.enum(['like', 'unlike']),
  at: z.iso.datetime(),
});
export type LikeEvent = z.infer<typeof likeEventSchema>;

/** An edge change on twitter.follows, keyed by `<user>|<target>` so compaction keeps the latest. */
export const followEventSchema = z.object({
  user: handleSchema,
  target: handleSchema,
  action: z.enum(['follow', 'unfollow']),
  at: z.iso.datetime(),
});
export type FollowEvent = z.infer<typeof followEventSchema>;

export const tagSchema = z.enum(TAGS);

/** The tagger's verdict on twitter.tweetTags, keyed by tweet id (compacted: a table). */
export const tweetTagsSchema = z.object({
  tweetId: z.string().min(1).max(64),
  tags: z.array(tagSchema).max(5),
  provider: z.string().min(1),
  model: z.string().nullable(),
  taggedAt: z.iso.datetime(),
});
export type TweetTags = z.infer<typeof tweetTagsSchema>;

export const CLICK_KINDS = ['open', 'like', 'share', 'dwell'] as const;
export const clickSchema = z.object({
  clickId: z.string().min(1).max(64),
  user: handleSchema,
  tweetId: z.string().min(1).max(64),
  kind: z.enum(CLICK_KINDS),
  at: z.iso.datetime(),
});
export type Click = z.infer<typeof clickSchema>;

/** One chunk of a large fan-out on twitter.fanout: followers with scores in (from, to]. */
export const fanoutChunkSchema = z.object({
  tweetId: z.string().min(1).max(64),
  author: handleSchema,
  text: z.string().min(1),
  createdAt: z.iso.datetime(),
  index: z.number().int().min(0),
  chunks: z.number().int().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  plannedAt: z.number().int(),
});
export type FanoutChunkMessage = z.infer<typeof fanoutChunkSchema>;

/** Passwords: 10 to 128 characters. Only their KDF hash ever leaves the API process. */
export const PASSWORD_MIN_CHARS = 10;
export const PASSWORD_MAX_CHARS = 128;
export const passwordSchema = z
  .string({ error: 'must be a string' })
  .min(PASSWORD_MIN_CHARS, `must be at least ${PASSWORD_MIN_CHARS} characters`)
  .max(PASSWORD_MAX_CHARS, `must be at most ${PASSWORD_MAX_CHARS} characters`);

/**
 * A sign-up on twitter.accounts, keyed by the lowercased handle. The first record of a key is the
 * account (the accounts applier stores it with SET NX); `requestId` tells the waiting API whether
 * its own sign-up won. `passwordHash` is a self-describing KDF string, never the password.
 */
export const accountEventSchema = z.object({
  handle: handleSchema,
  passwordHash: z.string().min(1).max(512),
  requestId: z.string().min(1).max(64),
  createdAt: z.iso.datetime(),
});
export type AccountEvent = z.infer<typeof accountEventSchema>;

export const RELATION_KINDS = ['mute', 'block'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/**
 * A mute or block of `target` by `user` (or its undo) on twitter.relations, keyed by
 * `<user>|<target>|<kind>` (lowercased) so one relation's events stay in order; applied last-writer-wins by `at`.
 */
export const relationEventSchema = z.object({
  user: handleSchema,
  target: handleSchema,
  kind: z.enum(RELATION_KINDS),
  action: z.enum(['on', 'off']),
  at: z.iso.datetime(),
});
export type RelationEvent = z.infer<typeof relationEventSchema>;

/** "I have read my notifications up to `readAt`" on twitter.notificationReads, keyed by user. */
export const notificationReadSchema = z.object({
  user: handleSchema,
  readAt: z.iso.datetime(),
});
export type NotificationRead = z.infer<typeof notificationReadSchema>;
