import type { Tweet } from './types.ts';

/**
 * Live tweets never jump into the list under the reader's eyes: they wait in a pending buffer
 * behind an "N new tweets" button, and merge in on request. Everything here is pure.
 */

function idsOf(tweets: readonly Tweet[]): Set<string> {
  return new Set(tweets.map((t) => t.id));
}

/** Newest first; ties broken by id so the order is stable across renders. */
export function newestFirst<T extends Tweet>(tweets: readonly T[]): T[] {
  return [...tweets].sort((a, b) => {
    const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
    if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  });
}

/** Appends a fetched page, dropping tweets already shown (pages can overlap when the timeline moves). */
export function appendPage<T extends Tweet>(shown: readonly T[], page: readonly T[]): T[] {
  const seen = idsOf(shown);
  const added: T[] = [];
  for (const t of page) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    added.push(t);
  }
  return added.length === 0 ? (shown as T[]) : [...shown, ...added];
}

/** Buffers a live tweet unless it is already shown or already waiting (SSE may repeat after a reconnect). */
export function bufferIncoming(pending: readonly Tweet[], tweet: Tweet, shown: readonly Tweet[]): Tweet[] {
  if (pending.some((t) => t.id === tweet.id) || shown.some((t) => t.id === tweet.id)) return pending as Tweet[];
  return [...pending, tweet];
}

/**
 * The pending tweets the reader has not seen: one may have reached the list another way meanwhile
 * (our own optimistic post, or a page fetched after it arrived). Their count is the banner's number.
 */
export function unseenPending(pending: readonly Tweet[], shown: readonly Tweet[]): Tweet[] {
  const seen = idsOf(shown);
  return pending.filter((t) => !seen.has(t.id));
}

/**
 * Puts the pending tweets on top, newest first, above the list as it is. The list keeps its own
 * order rather than being re-sorted, because the "For you" list is ranked, not chronological.
 */
export function mergePending<T extends Tweet>(shown: readonly T[], pending: readonly T[]): T[] {
  const fresh = newestFirst(unseenPending(pending, shown) as T[]);
  const unique = fresh.filter((t, i) => fresh.findIndex((u) => u.id === t.id) === i);
  return unique.length === 0 ? (shown as T[]) : [...unique, ...shown];
}

/** Swaps an optimistic tweet for the one the API created, dropping a copy that arrived live first. */
export function replaceTweet<T extends Tweet>(shown: readonly T[], localId: string, tweet: T): T[] {
  const withoutCopy = shown.filter((t) => t.id !== tweet.id);
  return withoutCopy.map((t) => (t.id === localId ? tweet : t));
}

export function removeTweet<T extends Tweet>(shown: readonly T[], id: string): T[] {
  return shown.filter((t) => t.id !== id);
}
