import { describe, expect, it } from 'vitest';
import { TWEET_MAX_BYTES, TWEET_MAX_CHARS, fitsTweet, tweetSchema, tweetTextSchema } from '@chirp/core';

const tweet = (text: string): unknown => ({ id: 'x1', author: 'ann', text, createdAt: '2026-01-01T00:00:00.000Z' });
/** 100 graphemes of 121 code points each: one letter and 120 combining acute accents (24 KB). */
const zalgo = ('a' + '\u0301'.repeat(120)).repeat(100);

describe('tweet bound: 280 graphemes and 1,120 UTF-8 bytes', () => {
  it('counts the combining-mark tweet as 100 characters of 24,100 bytes', () => {
    expect(Buffer.byteLength(zalgo)).toBe(24_100);
    expect(TWEET_MAX_CHARS).toBe(280);
    expect(TWEET_MAX_BYTES).toBe(1120);
  });

  it('refuses it in the API schema and in the Kafka message schema', () => {
    expect(tweetTextSchema.safeParse(zalgo).success).toBe(false);
    expect(tweetSchema.safeParse(tweet(zalgo)).success).toBe(false);
    expect(fitsTweet(zalgo)).toBe(false);
  });

  it('accepts exactly 1,120 bytes (280 four-byte emoji) and refuses 1,121 bytes within 280 graphemes', () => {
    expect(tweetSchema.safeParse(tweet('👍'.repeat(280))).success).toBe(true);
    const over = 'a' + '👍'.repeat(279) + '\u0301'; // 280 graphemes (the accent joins the last emoji), 1 + 1116 + 2 bytes
    expect(Buffer.byteLength(over)).toBe(1119);
    expect(fitsTweet(over)).toBe(true);
    expect(fitsTweet(over + '\u0301')).toBe(false); // 1,121 bytes, still 280 graphemes
  });

  it('names the byte bound in the message', () => {
    const r = tweetTextSchema.safeParse(zalgo);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/1120 bytes/);
  });
});
