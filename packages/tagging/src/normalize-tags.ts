import { MAX_TAGS, TAGS, type Tag } from '@chirp/core';

// Models (and people) write `Movie Lovers`, `movie-lovers` or `#movie_lovers` for the same tag, so
// the lookup key folds case and treats runs of `-`, `_` and spaces as one separator.
function keyOf(value: string): string {
  return value
    .trim()
    .replace(/^#+/, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
}

const BY_KEY: ReadonlyMap<string, Tag> = new Map(TAGS.map((tag) => [keyOf(tag), tag]));

/** The vocabulary tag a free-form label stands for, or null when it is not one of the 50. */
export function toTag(label: string): Tag | null {
  const key = keyOf(label);
  // A missing plural (`foodie`, `gamer`) is the one near-miss LLMs make often enough to accept;
  // anything else outside the list (`book_club`, `goodvib`) is dropped rather than guessed at.
  return BY_KEY.get(key) ?? BY_KEY.get(`${key}s`) ?? null;
}

/**
 * Turns whatever a provider answered (an array of labels, or an object with a `tags` array) into
 * at most MAX_TAGS distinct vocabulary tags, in the vocabulary's spelling and the answer's order.
 */
export function normalizeTags(raw: unknown): Tag[] {
  const list = Array.isArray(raw)
    ? raw
    : raw !== null && typeof raw === 'object' && Array.isArray((raw as { tags?: unknown }).tags)
      ? (raw as { tags: unknown[] }).tags
      : [];
  const out: Tag[] = [];
  for (const item of list) {
    if (typeof item !== 'string') continue;
    const tag = toTag(item);
    if (tag !== null && !out.includes(tag)) out.push(tag);
    if (out.length === MAX_TAGS) break;
  }
  return out;
}
