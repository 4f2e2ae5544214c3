import { z } from 'zod';

/**
 * What a key's state remembers about the messages already applied to it, so that a redelivered
 * message changes nothing (exactly-once effect on top of at-least-once delivery). Kept inside the
 * key's changelog record, so the marks and the state they describe are written atomically.
 *
 * - `offsets`: per input topic, the highest offset applied. A key lives on one partition, and the
 *   processor hands a key's messages over in offset order, so an offset at or below it is applied
 *   — unless it is pending.
 * - `pending`: `<topic>@<offset>` of messages that failed and went on (retry topic): applied later
 *   out of order. The invariant: whenever `offsets` passes a message, that message is either
 *   applied or pending. A failure is remembered in memory first and written with the key's next
 *   record, which is the first record that could pass it. Never evicted: when a key has
 *   MARK_LIMITS.pending of them, a new failure of the message's own goes to the DLQ (canRemember).
 *   A message that leaves for the DLQ leaves `pending` too (markDeadLettered): it is no longer
 *   waiting, and only a replay brings it back, recognised by its `x-replayed-from` header.
 * - `recent`: ids of the last messages (e.g. click ids), catching the same event produced twice at
 *   two offsets (a producer retry), which offsets alone cannot; for a replayed dead letter without
 *   an id, its place in the DLQ (`replay:<dlq topic>/<partition>/<offset>`).
 */
export interface AppliedMarks {
  offsets: Record<string, string>;
  pending: string[];
  recent: string[];
}

export const MARK_LIMITS = { pending: 256, recent: 32 } as const;

export const appliedMarksSchema = z.object({
  offsets: z.record(z.string(), z.string().regex(/^-?\d+$/)),
  pending: z.array(z.string()).max(MARK_LIMITS.pending),
  recent: z.array(z.string()).max(MARK_LIMITS.recent),
});

/** Where a message came from originally (the retry topic keeps the original topic and offset). */
export interface MessageOrigin {
  topic: string;
  offset: string;
  /** A dead letter moved back by a replay: where it sat in the DLQ (the `x-replayed-from` header). */
  replayedFrom?: string;
}

export function originToken(m: MessageOrigin): string {
  return `${m.topic}@${m.offset}`;
}

export function emptyMarks(): AppliedMarks {
  return { offsets: {}, pending: [], recent: [] };
}

/** What `recent` remembers of an applied message: its event id, or where a replay took it from. */
function recentMark(m: MessageOrigin, id: string | undefined): string | undefined {
  return id ?? (m.replayedFrom === undefined ? undefined : `replay:${m.replayedFrom}`);
}

/** True when the message (or the same event under another offset) is already in the state. */
export function isApplied(marks: AppliedMarks | undefined, unsaved: ReadonlySet<string>, m: MessageOrigin, id?: string): boolean {
  if (!marks) return false;
  const seen = recentMark(m, id);
  if (seen !== undefined && marks.recent.includes(seen)) return true;
  // A replayed dead letter was never applied, though the offsets passed it and it left `pending`
  // when it was dead-lettered: only `recent` can tell that this replay was applied already.
  if (m.replayedFrom !== undefined) return false;
  const token = originToken(m);
  if (unsaved.has(token) || marks.pending.includes(token)) return false;
  const high = marks.offsets[m.topic];
  return high !== undefined && BigInt(m.offset) <= BigInt(high);
}

/**
 * Whether a failed message can be remembered as pending without evicting another message's token:
 * an evicted token lets that message's retry pass as applied, and the message is lost.
 */
export function canRemember(marks: AppliedMarks | undefined, unsaved: ReadonlySet<string>, token: string): boolean {
  if (unsaved.has(token) || marks?.pending.includes(token)) return true;
  return new Set([...(marks?.pending ?? []), ...unsaved]).size < MARK_LIMITS.pending;
}

/** The marks after applying a message: its offset passed, no longer pending, its id remembered. */
export function markApplied(marks: AppliedMarks | undefined, unsaved: ReadonlySet<string>, m: MessageOrigin, id?: string): AppliedMarks {
  const base = marks ?? emptyMarks();
  const token = originToken(m);
  const high = base.offsets[m.topic];
  const offsets = { ...base.offsets, [m.topic]: high === undefined || BigInt(m.offset) > BigInt(high) ? m.offset : high };
  const pending = [...new Set([...base.pending, ...unsaved])].filter((t) => t !== token).slice(-MARK_LIMITS.pending);
  const seen = recentMark(m, id);
  const recent = seen === undefined ? base.recent : [...base.recent.filter((r) => r !== seen), seen].slice(-MARK_LIMITS.recent);
  return { offsets, pending, recent };
}

/**
 * The marks after the processor dead-lettered a message: it is no longer pending. Kept there, a
 * dead letter would hold its place for good, and once MARK_LIMITS.pending of them piled up on a
 * key, every later failure of that key would be dead-lettered at once instead of retried.
 */
export function markDeadLettered(marks: AppliedMarks | undefined, unsaved: ReadonlySet<string>, m: MessageOrigin): AppliedMarks {
  const base = marks ?? emptyMarks();
  const token = originToken(m);
  return { ...base, pending: [...new Set([...base.pending, ...unsaved])].filter((t) => t !== token) };
}
