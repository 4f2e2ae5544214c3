import type { Consumer } from 'kafkajs';
import type { ProcessorMetrics } from '@chirp/telemetry';

/** Why a partition is paused: a dependency is down, a message backs off in place, or a retry-topic message is not due yet. */
export type PauseReason = 'dependency' | 'backoff' | 'retry-delay';

export interface PausedPartition {
  topic: string;
  partition: number;
  reason: PauseReason;
  /** When it is resumed (ms since the epoch). */
  until: number;
}

interface PartitionState {
  paused?: PausedPartition & { timer: NodeJS.Timeout };
  /** Consecutive dependency failures: the probe's backoff grows with them. */
  probes: number;
  /** The message being retried in place, and how often it failed in this round. */
  suspect?: { offset: string; attempts: number };
}

/**
 * Waiting costs only the partition that waits: it is paused in kafkajs and the batch handler
 * returns, so the fetch loop goes on with every other partition (kafkajs fetches again only
 * after every batch of the previous fetch finished) and a rebalance never waits on a timer. A
 * timer resumes it; kafkajs then fetches from the first message not done. The gate also keeps
 * what must survive between two deliveries of a partition: its probe count and its suspect.
 */
export class PartitionGate {
  private readonly states = new Map<string, PartitionState>();
  private consumer: Consumer | undefined;
  private closed = false;

  constructor(
    private readonly gauge: ProcessorMetrics['pausedPartitions'],
    private readonly group: string,
  ) {}

  attach(consumer: Consumer): void {
    this.consumer = consumer;
  }

  private state(topic: string, partition: number): PartitionState {
    const id = `${topic}|${partition}`;
    let s = this.states.get(id);
    if (!s) this.states.set(id, (s = { probes: 0 }));
    return s;
  }

  pause(topic: string, partition: number, reason: PauseReason, ms: number): void {
    if (this.closed || !this.consumer) return;
    const s = this.state(topic, partition);
    if (s.paused) clearTimeout(s.paused.timer);
    const timer = setTimeout(() => this.resume(topic, partition), Math.max(0, ms));
    s.paused = { topic, partition, reason, until: Date.now() + ms, timer };
    this.consumer.pause([{ topic, partitions: [partition] }]);
    this.publish();
  }

  private resume(topic: string, partition: number): void {
    const s = this.states.get(`${topic}|${partition}`);
    if (!s?.paused) return;
    clearTimeout(s.paused.timer);
    s.paused = undefined;
    this.publish();
    if (!this.closed) this.consumer?.resume([{ topic, partitions: [partition] }]);
  }

  /** A dependency failed again on this partition: returns the consecutive count. */
  probeFailed(topic: string, partition: number): number {
    return ++this.state(topic, partition).probes;
  }

  suspect(topic: string, partition: number): { offset: string; attempts: number } | undefined {
    return this.states.get(`${topic}|${partition}`)?.suspect;
  }

  setSuspect(topic: string, partition: number, offset: string, attempts: number): void {
    this.state(topic, partition).suspect = { offset, attempts };
  }

  /** The partition made progress: its dependency answered and its suspect (if any) is settled. */
  progressed(topic: string, partition: number, offset?: string): void {
    const s = this.states.get(`${topic}|${partition}`);
    if (!s) return;
    s.probes = 0;
    if (offset === undefined || s.suspect?.offset === offset) s.suspect = undefined;
  }

  /** After a rebalance: forget partitions this member no longer holds (their pause too, or they would stay paused when they come back). */
  retain(assignment: Record<string, number[]>): void {
    for (const [id, s] of this.states) {
      const [topic, p] = [id.slice(0, id.lastIndexOf('|')), Number(id.slice(id.lastIndexOf('|') + 1))];
      if (assignment[topic]?.includes(p)) continue;
      if (s.paused) this.resume(topic, p);
      this.states.delete(id);
    }
  }

  paused(): PausedPartition[] {
    return [...this.states.values()].flatMap((s) =>
      s.paused ? [{ topic: s.paused.topic, partition: s.paused.partition, reason: s.paused.reason, until: s.paused.until }] : [],
    );
  }

  /** Stops every timer; the consumer is paused whole by the processor's close. */
  close(): void {
    this.closed = true;
    for (const s of this.states.values()) if (s.paused) clearTimeout(s.paused.timer);
    this.states.clear();
    this.publish();
  }

  private publish(): void {
    const counts: Record<PauseReason, number> = { dependency: 0, backoff: 0, 'retry-delay': 0 };
    for (const s of this.states.values()) if (s.paused) counts[s.paused.reason]++;
    for (const [reason, n] of Object.entries(counts)) this.gauge.set({ group: this.group, reason }, n);
  }
}
