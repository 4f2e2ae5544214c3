import { z } from 'zod';
import type { Click, Tag } from '@chirp/core';
import type { ForwardDecay } from './forward-decay.ts';

/**
 * A user's state in the analytics table (the changelog value; docs/state.md has the format):
 * - `affinity`: tag → Σ weight(kind)·e^{λ(at−t0)} over the user's clicks (forward decay: read it
 *   at time `now` by dividing by e^{λ(now−t0)});
 * - `clicks`: clicks applied, tagged or not;
 * - `minutes`: epoch minute → tag → clicks, for the minutes of the trend window before the user's
 *   latest click (older ones are dropped as clicks come in; readers filter by their own clock).
 */
export const userStateSchema = z.object({
  affinity: z.record(z.string(), z.number().nonnegative()),
  clicks: z.number().int().nonnegative(),
  minutes: z.record(z.string().regex(/^\d+$/), z.record(z.string(), z.number().int().positive())),
});
export type UserState = z.infer<typeof userStateSchema>;

export interface AffinityModel {
  decay: ForwardDecay;
  weights: Readonly<Record<Click['kind'], number>>;
  trendWindowMinutes: number;
}

export function emptyState(): UserState {
  return { affinity: {}, clicks: 0, minutes: {} };
}

/**
 * The state after one click on a tweet with `tags`: pure and deterministic (it uses the click's
 * own time, never the clock), so a test or a second run computes the same numbers.
 */
export function applyClick(state: UserState | undefined, click: Pick<Click, 'kind' | 'at'>, tags: readonly Tag[], model: AffinityModel): UserState {
  const next: UserState = state ? { affinity: { ...state.affinity }, clicks: state.clicks, minutes: { ...state.minutes } } : emptyState();
  const at = Date.parse(click.at);
  const add = model.decay.contribution(model.weights[click.kind], at);
  for (const tag of tags) next.affinity[tag] = (next.affinity[tag] ?? 0) + add;
  next.clicks += 1;
  if (tags.length > 0) {
    const minute = Math.floor(at / 60_000);
    const bucket = { ...(next.minutes[minute] ?? {}) };
    for (const tag of tags) bucket[tag] = (bucket[tag] ?? 0) + 1;
    next.minutes[minute] = bucket;
  }
  const latest = Math.max(...Object.keys(next.minutes).map(Number));
  for (const m of Object.keys(next.minutes)) if (Number(m) <= latest - model.trendWindowMinutes) delete next.minutes[m];
  return next;
}
