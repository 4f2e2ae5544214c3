import type { Redis } from 'ioredis';
import { entryId, type Keys } from '@chirp/store';
import { benchRedis } from './pipeline-stack.ts';
import { parseBenchTweetId } from './pipeline-tweets.ts';
import { sleep } from './pipeline-stats.ts';

interface PhaseDeliveries {
  latenciesMs: number[];
  /** Events checked against a random follower's timeline, and how many held the id. */
  checked: number;
  verified: number;
  /** HTTP phases: tweets created within [from, to) belong here. */
  window?: { from: number; to: number };
}

export interface DeliveryStats {
  delivered: number;
  /** Percentiles over every tweet produced: undelivered ones rank above all delivered. */
  p50Ms: number | undefined;
  p99Ms: number | undefined;
  /** The p99 tweet was not delivered by the end of the drain: p99Ms is the largest seen, a lower bound. */
  p99IsLowerBound: boolean;
  maxMs: number | undefined;
  checked: number;
  verified: number;
}

interface Pending {
  id: string;
  author: string;
  arrived: number;
  tries: number;
}

/** One in this many events is checked against a follower's timeline (plus the first few). */
const CHECK_EVERY = 500;
const LOOKUP_EVERY_MS = 250;
const LOOKUP_TRIES = 40;

/**
 * End-to-end latency from the fanout's "delivered" events (`events:timeline`, published when a
 * tweet is in every follower's timeline): arrival time minus the tweet's createdAt. The benchmark's
 * own ids carry createdAt; ids made by the API (HTTP phases) are dated from the saved body, looked
 * up in batches (one MGET per 250 ms). A sample of events is verified: a random follower of the
 * author (or the author) has the id in its timeline.
 */
export class Deliveries {
  private readonly sub: Redis;
  private readonly redis: Redis;
  private readonly phases = new Map<number, PhaseDeliveries>();
  private pending: Pending[] = [];
  private readonly checks: { id: string; author: string; phase: PhaseDeliveries }[] = [];
  private readonly abort = new AbortController();
  private loops: Promise<void>[] = [];
  unmatched = 0;

  constructor(
    url: string,
    private readonly keys: Keys,
  ) {
    this.sub = benchRedis(url, 'bench-deliveries-sub');
    this.redis = benchRedis(url, 'bench-deliveries');
  }

  async start(): Promise<void> {
    this.sub.on('message', (_channel: string, raw: string) => this.onEvent(raw));
    await this.sub.subscribe(this.keys.timelineEvents());
    this.loops = [this.lookupLoop(), this.checkLoop()];
  }

  open(phase: number): void {
    this.phases.set(phase, { latenciesMs: [], checked: 0, verified: 0 });
  }

  /** For tweets the API creates: which creation times belong to the phase. */
  setWindow(phase: number, from: number, to: number): void {
    const p = this.phases.get(phase);
    if (p) p.window = { from, to };
  }

  delivered(phase: number): number {
    return this.phases.get(phase)?.latenciesMs.length ?? 0;
  }

  stats(phase: number, produced: number): DeliveryStats {
    const p = this.phases.get(phase);
    const sorted = [...(p?.latenciesMs ?? [])].sort((a, b) => a - b);
    const max = sorted[sorted.length - 1];
    const rank = (q: number): number => Math.max(1, Math.ceil(q * Math.max(produced, sorted.length)));
    const at = (q: number): number | undefined => (rank(q) <= sorted.length ? sorted[rank(q) - 1] : max);
    return {
      delivered: sorted.length,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      p99IsLowerBound: rank(0.99) > sorted.length,
      maxMs: max,
      checked: p?.checked ?? 0,
      verified: p?.verified ?? 0,
    };
  }

  private onEvent(raw: string): void {
    const arrived = Date.now();
    let event: { tweetId?: unknown; author?: unknown };
    try {
      event = JSON.parse(raw) as typeof event;
    } catch {
      this.unmatched++;
      return;
    }
    if (typeof event.tweetId !== 'string' || typeof event.author !== 'string') return void this.unmatched++;
    const own = parseBenchTweetId(event.tweetId);
    if (!own) return void this.pending.push({ id: event.tweetId, author: event.author, arrived, tries: 0 });
    const phase = this.phases.get(own.phase);
    if (!phase) return void this.unmatched++;
    this.record(phase, event.tweetId, event.author, arrived - own.createdMs);
  }

  private record(phase: PhaseDeliveries, id: string, author: string, latencyMs: number): void {
    phase.latenciesMs.push(latencyMs);
    const n = phase.latenciesMs.length;
    if ((n <= 5 || n % CHECK_EVERY === 0) && this.checks.length < 100) this.checks.push({ id, author, phase });
  }

  /** Dates API-made tweets from their saved bodies; a body not saved yet is tried again later. */
  private async lookupLoop(): Promise<void> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      await sleep(LOOKUP_EVERY_MS, signal);
      const batch = this.pending.splice(0, 5000);
      if (batch.length === 0) continue;
      let bodies: (string | null)[];
      try {
        bodies = await this.redis.mget(batch.map((p) => this.keys.tweet(p.id)));
      } catch {
        this.pending.push(...batch);
        continue;
      }
      batch.forEach((p, i) => {
        const created = /"createdAt":"([^"]+)"/.exec(bodies[i] ?? '')?.[1];
        if (!created) {
          if (++p.tries < LOOKUP_TRIES) this.pending.push(p);
          else this.unmatched++;
          return;
        }
        const createdMs = Date.parse(created);
        const phase = [...this.phases.values()].find((ph) => ph.window && createdMs >= ph.window.from && createdMs < ph.window.to);
        if (phase) this.record(phase, p.id, p.author, p.arrived - createdMs);
        else this.unmatched++;
      });
    }
  }

  private async checkLoop(): Promise<void> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      const c = this.checks.shift();
      if (!c) {
        await sleep(100, signal);
        continue;
      }
      try {
        const follower = (await this.redis.zrandmember(this.keys.followers(c.author))) ?? c.author;
        const entries = await this.redis.lrange(this.keys.timeline(follower), 0, -1); // '<ms>:<id>' entries
        c.phase.checked++;
        if (entries.some((e) => entryId(e) === c.id)) c.phase.verified++;
      } catch {
        /* Redis going away at shutdown: the check is simply not counted */
      }
    }
  }

  async close(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.loops);
    this.sub.disconnect();
    this.redis.disconnect();
  }
}
