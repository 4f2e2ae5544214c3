/**
 * A home timeline entry is `<createdAt ms, 13 digits>:<tweet id>`; timelines are kept sorted
 * newest first by (time, id). The Lua side of this is `lua/includes/timeline-entry.lua`.
 */
export function timelineEntry(createdAtMs: number, id: string): string {
  return `${String(Math.floor(createdAtMs)).padStart(13, '0')}:${id}`;
}

export interface ParsedEntry {
  ms: number;
  id: string;
}

/** Tolerates a bare id (an entry from before the time prefix): it sorts as the oldest. */
export function parseEntry(entry: string): ParsedEntry {
  if (entry.charCodeAt(13) !== 58) return { ms: 0, id: entry };
  return { ms: Number(entry.slice(0, 13)), id: entry.slice(14) };
}

export function entryId(entry: string): string {
  return parseEntry(entry).id;
}

/** Timeline order: newer first, then the larger id (byte order, as Redis orders equal scores). */
export function compareEntries(a: ParsedEntry, b: ParsedEntry): number {
  if (a.ms !== b.ms) return b.ms - a.ms;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}
