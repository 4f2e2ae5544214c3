import { describe, expect, it } from 'vitest';
import { appendPage, bufferIncoming, mergePending, newestFirst, replaceTweet, unseenPending } from './merge-tweets.ts';
import type { Tweet } from './types.ts';

const tweet = (id: string, minute: number): Tweet => ({
  id,
  author: 'bob',
  text: `tweet ${id}`,
  createdAt: new Date(Date.UTC(2025, 10, 3, 12, minute)).toISOString(),
});

describe('merge-tweets', () => {
  it('sorts newest first, ties by id', () => {
    expect(newestFirst([tweet('a', 1), tweet('c', 3), tweet('b', 1)]).map((t) => t.id)).toEqual(['c', 'b', 'a']);
  });

  it('appends a page without repeating tweets already shown', () => {
    const shown = [tweet('c', 3), tweet('b', 2)];
    expect(appendPage(shown, [tweet('b', 2), tweet('a', 1)]).map((t) => t.id)).toEqual(['c', 'b', 'a']);
  });

  it('buffers a live tweet once, and not at all when it is already shown', () => {
    const shown = [tweet('a', 1)];
    let pending = bufferIncoming([], tweet('b', 2), shown);
    pending = bufferIncoming(pending, tweet('b', 2), shown);
    pending = bufferIncoming(pending, tweet('a', 1), shown);
    expect(pending.map((t) => t.id)).toEqual(['b']);
  });

  it('does not count pending tweets that reached the list another way', () => {
    const pending = [tweet('b', 2), tweet('c', 3)];
    expect(unseenPending(pending, [tweet('c', 3), tweet('a', 1)]).map((t) => t.id)).toEqual(['b']);
  });

  it('puts pending tweets on top newest first, keeping the list order below', () => {
    // The list below is ranked ("For you"), not chronological: it must not be re-sorted.
    const shown = [tweet('a', 1), tweet('z', 9)];
    const merged = mergePending(shown, [tweet('b', 2), tweet('d', 4), tweet('z', 9)]);
    expect(merged.map((t) => t.id)).toEqual(['d', 'b', 'a', 'z']);
  });

  it('swaps an optimistic tweet for the created one and drops a live copy of it', () => {
    const local = { ...tweet('local-1', 5), sending: true };
    const shown = [tweet('x', 5), local, tweet('a', 1)];
    expect(replaceTweet(shown, 'local-1', tweet('x', 5)).map((t) => t.id)).toEqual(['x', 'a']);
  });
});
