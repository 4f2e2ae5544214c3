import type { Kafka } from 'kafkajs';
import { z } from 'zod';
import { ChirpError } from '@chirp/core';
import type { PreferencesStore } from '@chirp/store';
import { jsonCodec, View, type ViewState } from '@chirp/streams';
import type { Logger, Registry } from '@chirp/telemetry';
import type { ForwardDecay } from './forward-decay.ts';
import { WindowCounts } from './window-counts.ts';

/**
 * What the API reads of a record of the analytics table (the worker's changelog; format in
 * docs/state.md). A tolerant reader: fields it does not use (the applied marks) are ignored.
 */
const analyticsRecord = z.object({
  value: z.object({
    affinity: z.record(z.string(), z.number()),
    clicks: z.number(),
    minutes: z.record(z.string(), z.record(z.string(), z.number())),
  }),
});
type AnalyticsRecord = z.infer<typeof analyticsRecord>;

export interface AnalyticsReadsOptions {
  /** Reads the analytics table into a view; without it, preferences come from Redis and trends are unavailable. */
  kafka?: Kafka;
  /** The analytics group's changelog, `<prefix>analytics-table`. */
  topic: string;
  preferences: PreferencesStore;
  decay: ForwardDecay;
  trendWindowMinutes: number;
  logger: Logger;
  registry?: Registry;
  now?: () => number;
}

/**
 * The API's replica of the analytics table (goka's view): preferences straight from memory once it
 * has caught up (from prefs:<user> in Redis before that), and trends as a sliding window of
 * per-minute tag counts, kept incrementally as users' records change.
 */
export class AnalyticsReads {
  private readonly view: View<AnalyticsRecord> | undefined;
  private readonly counts = new WindowCounts();
  private prunedAt = 0;
  private readonly now: () => number;

  constructor(private readonly o: AnalyticsReadsOptions) {
    this.now = o.now ?? Date.now;
    if (o.kafka) {
      this.view = new View({
        kafka: o.kafka,
        topic: o.topic,
        codec: jsonCodec(analyticsRecord),
        logger: o.logger,
        registry: o.registry,
        onUpdate: (_key, next, previous) => {
          // Buckets that left the window can never be read again: drop them as time moves on.
          const minute = Math.floor(this.now() / 60_000);
          if (minute !== this.prunedAt) {
            this.prunedAt = minute;
            this.counts.prune(minute - o.trendWindowMinutes + 1);
          }
          for (const [minute, tags] of Object.entries(previous?.value.minutes ?? {}))
            for (const [tag, n] of Object.entries(tags)) this.counts.add(Number(minute), tag, -n);
          for (const [minute, tags] of Object.entries(next?.value.minutes ?? {}))
            for (const [tag, n] of Object.entries(tags)) this.counts.add(Number(minute), tag, n);
        },
      });
    }
  }

  /** Starts the view in the background (it waits for the table to exist). */
  start(): void {
    void this.view?.start();
  }

  /** Resolves once the view has caught up (tests, readiness). */
  async ready(): Promise<void> {
    await this.view?.ready();
  }

  /** The user's tags with their affinity now (forward-decayed sums divided by e^{λ(now−t0)}), strongest first. */
  async preferences(user: string): Promise<{ tag: string; score: number }[]> {
    const now = this.now();
    const raw = this.view?.isReady()
      ? Object.entries(this.view.get(user)?.value.affinity ?? {}).map(([tag, score]) => ({ tag, score }))
      : await this.o.preferences.top(user);
    return raw
      .map(({ tag, score }) => ({ tag, score: this.o.decay.decayed(score, now) }))
      .filter((t) => t.score > 0)
      .sort((a, b) => b.score - a.score || a.tag.localeCompare(b.tag));
  }

  /** Clicks per tag over the last window minutes (by click time), most clicked first. */
  trends(limit: number): { window: { minutes: number; from: string; to: string }; tags: { tag: string; count: number }[] } {
    if (!this.view?.isReady()) throw new ChirpError('UPSTREAM', 'trends are not available yet: the analytics view is catching up', { retriable: true });
    const now = this.now();
    const minutes = this.o.trendWindowMinutes;
    const from = Math.floor(now / 60_000) - minutes + 1;
    this.counts.prune(from);
    return {
      window: { minutes, from: new Date(from * 60_000).toISOString(), to: new Date(now).toISOString() },
      tags: this.counts.top(from, limit).map(({ label, count }) => ({ tag: label, count })),
    };
  }

  /** The analytics table as the monitor's table query lists it: its changelog topic and whether this view has caught up. */
  table(): { name: 'analytics'; kind: 'group table'; topic: string; viewReady: boolean } {
    return { name: 'analytics', kind: 'group table', topic: this.o.topic, viewReady: this.view?.isReady() ?? false };
  }

  /** This API's view of the table, for the processors page (undefined without a view). */
  viewState(): (ViewState & { name: 'analytics' }) | undefined {
    return this.view ? { name: 'analytics', ...this.view.state() } : undefined;
  }

  /** A key's value in the analytics table as this view holds it (affinity, clicks, minutes), or undefined; 503 until it caught up. */
  value(key: string): AnalyticsRecord['value'] | undefined {
    if (!this.view?.isReady()) throw new ChirpError('UPSTREAM', 'the analytics table is not available yet: its view is catching up', { retriable: true });
    return this.view.get(key)?.value;
  }

  async close(): Promise<void> {
    await this.view?.close();
  }
}
