import type { Kafka, Producer } from 'kafkajs';
import { backoffMs, ChirpError, sleep } from '@chirp/core';
import type { Logger, Registry } from '@chirp/telemetry';
import { ChangelogWriter } from './changelog-writer.ts';
import type { Codec } from './codec.ts';
import { createProducer } from './kafka.ts';
import { highWatermarks, PartitionReader } from './partition-reader.ts';
import { stateMetrics, type StateMetrics } from './state-metrics.ts';
import { MemoryStorage, type Storage } from './storage.ts';
import type { TableRecord } from './table-record.ts';

export interface GroupTableOptions<V> {
  kafka: Kafka;
  group: string;
  /** The changelog, `<group>-table`: compacted, partition p holds the keys of input partition p. */
  topic: string;
  codec: Codec<TableRecord<V>>;
  logger: Logger;
  registry: Registry;
  /** Called with every key of a partition once it is restored (to rebuild an external copy). */
  onRestored?: (partition: number, entries: { key: string; value: V }[]) => Promise<void>;
}

interface TablePartition<V> {
  storage: Storage<TableRecord<V>>;
  /** Failed messages per key, not yet written into the key's record. */
  unsaved: Map<string, Set<string>>;
  ready: Promise<void>;
  abort: AbortController;
  /** Changelog offset after the last record this instance read or wrote. */
  end: bigint;
}

const MIRROR_CHUNK = 500;

/**
 * goka's group table: the state of the partitions this member holds, in local storage, every
 * change written to a compacted changelog before it counts. On every assignment a partition that is
 * new here is restored from the changelog (from its beginning to the high watermark it had then)
 * before any message of it is handled; a partition kept across a rebalance is restored again only
 * if someone else wrote to it meanwhile (its high watermark is not where this member left it).
 */
export class GroupTable<V> {
  private readonly o: GroupTableOptions<V>;
  private readonly producer: Producer;
  private readonly writer: ChangelogWriter;
  private readonly metrics: StateMetrics;
  private readonly log: Logger;
  private readonly parts = new Map<number, TablePartition<V>>();
  private memberId: string | undefined;
  private closing: Promise<void> | undefined;

  constructor(options: GroupTableOptions<V>) {
    this.o = options;
    this.producer = createProducer(options.kafka);
    this.writer = new ChangelogWriter(this.producer, options.topic);
    this.metrics = stateMetrics(options.registry);
    this.log = options.logger.child({ table: options.topic });
  }

  async start(): Promise<void> {
    await this.producer.connect();
  }

  /** The partitions this member holds now (from the processor's group join). */
  assign(partitions: readonly number[], memberId: string): void {
    // A new member id means this member was out of the group for a while: trust nothing it holds.
    const sameMember = memberId === this.memberId;
    this.memberId = memberId;
    for (const [p, part] of this.parts) {
      if (sameMember && partitions.includes(p)) continue;
      part.abort.abort();
      this.parts.delete(p);
      this.forgetPartition(p);
    }
    let marks: Promise<Map<number, { high: bigint }>> | undefined;
    const currentMarks = (): Promise<Map<number, { high: bigint }>> => (marks ??= highWatermarks(this.o.kafka, this.o.topic));
    for (const p of partitions) {
      const kept = this.parts.get(p);
      if (kept) {
        kept.ready = kept.ready.then(
          () => this.verify(p, kept, currentMarks),
          () => this.restore(p, kept),
        );
      } else {
        const part: TablePartition<V> = { storage: new MemoryStorage(), unsaved: new Map(), ready: Promise.resolve(), abort: new AbortController(), end: 0n };
        part.ready = this.restore(p, part);
        this.parts.set(p, part);
      }
      this.parts.get(p)!.ready.catch(() => undefined);
    }
    this.metrics.partitions.set({ group: this.o.group }, this.parts.size);
    this.log.info({ partitions: [...partitions] }, 'table partitions assigned');
  }

  /** Resolves once partition p is restored here; throws a retriable error if p is not held here. */
  ready(partition: number): Promise<void> {
    const part = this.parts.get(partition);
    if (!part) return Promise.reject(notHeld(this.o.topic, partition));
    return part.ready;
  }

  /** Partitions held now. */
  partitions(): number[] {
    return [...this.parts.keys()].sort((a, b) => a - b);
  }

  get(partition: number, key: string): TableRecord<V> | undefined {
    return this.parts.get(partition)?.storage.get(key);
  }

  entries(partition: number): [string, TableRecord<V>][] {
    return [...(this.parts.get(partition)?.storage.entries() ?? [])];
  }

  unsaved(partition: number, key: string): Set<string> {
    const part = this.held(partition);
    let set = part.unsaved.get(key);
    if (!set) part.unsaved.set(key, (set = new Set()));
    return set;
  }

  /** Writes the record to the changelog (every in-sync replica acknowledged), then locally. */
  async put(partition: number, key: string, record: TableRecord<V>): Promise<void> {
    const part = this.held(partition);
    const offset = await this.writer.write(key, this.o.codec.encode(record), partition);
    if (this.parts.get(partition) !== part) throw notHeld(this.o.topic, partition); // revoked meanwhile
    part.storage.set(key, record);
    part.unsaved.delete(key);
    if (offset + 1n > part.end) part.end = offset + 1n;
  }

  private held(partition: number): TablePartition<V> {
    const part = this.parts.get(partition);
    if (!part) throw notHeld(this.o.topic, partition);
    return part;
  }

  private async verify(p: number, part: TablePartition<V>, marks: () => Promise<Map<number, { high: bigint }>>): Promise<void> {
    let high: bigint;
    try {
      high = (await marks()).get(p)?.high ?? 0n;
    } catch (error) {
      this.log.warn({ err: error, partition: p }, 'cannot read the changelog high watermark: restoring to be safe');
      return this.restore(p, part);
    }
    if (high === part.end) return;
    this.log.warn({ partition: p, high: String(high), end: String(part.end) }, 'changelog moved under a kept partition: restoring again');
    await this.restore(p, part);
  }

  /** Restores until it succeeds or the partition is revoked; handlers wait on it. */
  private async restore(p: number, part: TablePartition<V>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (part.abort.signal.aborted) throw notHeld(this.o.topic, p);
      try {
        await this.restoreOnce(p, part);
        return;
      } catch (error) {
        if (part.abort.signal.aborted) throw notHeld(this.o.topic, p);
        this.log.warn({ err: error, partition: p, attempt }, 'restore failed; trying again');
        await sleep(backoffMs(attempt, { baseMs: 250, capMs: 5000 }), part.abort.signal);
      }
    }
  }

  private async restoreOnce(p: number, part: TablePartition<V>): Promise<void> {
    const started = Date.now();
    part.storage.clear();
    let records = 0;
    let corrupt = 0;
    const labels = { group: this.o.group, partition: String(p) };
    const progress = (): void => {
      if (this.parts.get(p) !== part) return; // revoked meanwhile: its gauges are gone and stay gone
      this.metrics.partitionRestoreRecords.set(labels, records);
      this.metrics.partitionRestoreSeconds.set(labels, (Date.now() - started) / 1000);
    };
    if (this.parts.get(p) === part) this.metrics.partitionRunning.set(labels, 0);
    progress();
    const reader = new PartitionReader({
      kafka: this.o.kafka,
      topic: this.o.topic,
      partitions: [p],
      mode: 'catch-up',
      logger: this.log,
      onMessages: (_partition, messages) => {
        for (const m of messages) {
          const key = m.key?.toString('utf8');
          if (key === undefined) continue;
          records++;
          if (m.value === null) {
            part.storage.delete(key);
            continue;
          }
          try {
            part.storage.set(key, this.o.codec.decode(m.value));
          } catch (error) {
            corrupt++;
            if (corrupt <= 3) this.log.error({ err: error, partition: p, offset: m.offset }, 'undecodable changelog record skipped');
          }
        }
        progress();
      },
    });
    const onAbort = (): void => void reader.close();
    part.abort.signal.addEventListener('abort', onAbort, { once: true });
    try {
      await reader.start();
      await reader.caughtUp();
    } finally {
      part.abort.signal.removeEventListener('abort', onAbort);
      await reader.close();
    }
    part.end = reader.target(p);
    if (this.o.onRestored && part.storage.size > 0) {
      const entries = [...part.storage.entries()].map(([key, r]) => ({ key, value: r.value }));
      for (let i = 0; i < entries.length; i += MIRROR_CHUNK) await this.o.onRestored(p, entries.slice(i, i + MIRROR_CHUNK));
    }
    this.metrics.restoredRecords.inc({ group: this.o.group }, records);
    this.metrics.restoreDuration.observe({ group: this.o.group }, (Date.now() - started) / 1000);
    if (this.parts.get(p) === part) {
      progress();
      this.metrics.partitionRunning.set(labels, 1);
    }
    this.log.info({ partition: p, keys: part.storage.size, records, ms: Date.now() - started }, 'table partition restored');
  }

  /** A partition no longer held here leaves the per-partition gauges (the monitor shows what is held). */
  private forgetPartition(p: number): void {
    const labels = { group: this.o.group, partition: String(p) };
    this.metrics.partitionRunning.remove(labels);
    this.metrics.partitionRestoreRecords.remove(labels);
    this.metrics.partitionRestoreSeconds.remove(labels);
  }

  /** Idempotent: stops restores and closes the changelog producer. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const [p, part] of this.parts) {
        part.abort.abort();
        this.forgetPartition(p);
      }
      this.parts.clear();
      this.metrics.partitions.set({ group: this.o.group }, 0);
      try {
        await this.producer.disconnect();
      } catch (error) {
        this.log.warn({ err: error }, 'changelog producer disconnect failed');
      }
    })();
    return this.closing;
  }
}

function notHeld(topic: string, partition: number): ChirpError {
  return new ChirpError('INTERNAL', `${topic} partition ${partition} is not held by this member`, { retriable: true });
}
