import type { Redis } from 'ioredis';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const TIE_SLACK = 64;

/**
 * Newest-first page of a ZSET after an opaque cursor `<score>:<member>`. Stable while members are
 * added or removed: the cursor names a position by score, not by rank. Same-score members are
 * ordered by Redis lexicographically, so the member part breaks ties.
 */
export async function pageBySortedScore(redis: Redis, key: string, cursor: string | undefined, limit: number): Promise<Page<string>> {
  let max = '+inf';
  let after: string | undefined;
  if (cursor) {
    const sep = cursor.indexOf(':');
    max = cursor.slice(0, sep);
    after = cursor.slice(sep + 1);
  }
  const raw = await redis.zrange(key, max, '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, limit + (after ? TIE_SLACK : 0) + 1, 'WITHSCORES');
  const rows: { member: string; score: string }[] = [];
  for (let i = 0; i < raw.length; i += 2) rows.push({ member: raw[i]!, score: raw[i + 1]! });
  let start = 0;
  if (after !== undefined) {
    // Skip members with the cursor's score down to and including the cursor's member.
    while (start < rows.length && rows[start]!.score === max && rows[start]!.member >= after) start++;
  }
  const page = rows.slice(start, start + limit);
  const more = rows.length > start + limit;
  const last = page[page.length - 1];
  return { items: page.map((r) => r.member), nextCursor: more && last ? `${last.score}:${last.member}` : null };
}

export function isCursor(value: string): boolean {
  return /^-?\d+(\.\d+)?(e[+-]?\d+)?:[A-Za-z0-9_-]{1,64}$/.test(value);
}
