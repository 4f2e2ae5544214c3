import type { Kafka } from 'kafkajs';
import { backoffMs, sleep } from '@chirp/core';
import type { Logger, Registry } from '@chirp/telemetry';
import type { Codec } from './codec.ts';
import { PartitionReader } from './partition-reader.ts';
import { stateMetrics } from './state-metrics.ts';
import { MemoryStorage, type Storage } from './storage.ts';

export interface ViewOptions<V> {
  kafka: Kafka;
  /** A table topic: a group's changelog or a compacted topic such as twitter.tweetTags. */
  topic: string;
  codec: Codec<V>;
  logger: Logger;
  registry?: Registry;
  /** Called after each record is applied; value undefined for a tombstone. */
  onUpdate?: (key: string, value: V | undefined, previous: V | undefined) => void;
}

export interface ViewState {
  topic: string;
  ready: boolean;
  keys: number;
  /** The next offset the view reads, per partition. */
  partitions: { partition: number; position: number }[];
}

/**
 * goka's view: a read-only replica of a whole table, kept up to date by reading every partition
 * of its topic from the beginning, forever (a consumer group of its own per instance, never
 * committing). `ready()` resolves once it has caught up with what the table held when it started.
 * A record that does not decode is skipped: one bad record must not stop a replica.
 */
export class View<V> {
  private readonly o: ViewOptions<V>;
  private readonly storage: Storage<V> = new MemoryStorage();
  private readonly log: Logger;
  private readonly abort = new AbortController();
  private reader: PartitionReader | undefined;
  private readyFlag = false;
  private readyResolve: () => void = () => {};
  private readonly readyPromise: Promise<void>;
  private starting: Promise<void> | undefined;
  private closing: Promise<void> | undefined;

  constructor(options: ViewOptions<V>) {
    this.o = options;
    this.log = options.logger.child({ view: options.topic });
    this.readyPromise = new Promise((resolve) => (this.readyResolve = resolve));
  }

  get topic(): string {
    return this.o.topic;
  }

  /**
   * Starts reading, trying again with backoff while the topic or the broker is not there yet
   * (the table's processor may start later). Resolves once reading runs; stops when closed.
   */
  start(): Promise<void> {
    this.starting ??= (async () => {
      for (let attempt = 1; !this.abort.signal.aborted; attempt++) {
        const reader = new PartitionReader({
          kafka: this.o.kafka,
          topic: this.o.topic,
          mode: 'follow',
          logger: this.log,
          onMessages: (_p, messages) => {
            for (const m of messages) this.apply(m.key?.toString('utf8'), m.value);
          },
        });
        try {
          this.reader = reader;
          await reader.start();
          void reader.caughtUp().then(
            () => {
              this.readyFlag = true;
              this.readyResolve();
              this.log.info({ keys: this.storage.size }, 'view caught up');
            },
            () => undefined,
          );
          return;
        } catch (error) {
          await reader.close();
          if (this.abort.signal.aborted) return;
          if (attempt === 1 || attempt % 10 === 0) this.log.warn({ err: error, attempt }, 'view cannot read its topic yet; trying again');
          await sleep(backoffMs(attempt, { baseMs: 500, capMs: 5000 }), this.abort.signal);
        }
      }
    })();
    return this.starting;
  }

  private apply(key: string | undefined, bytes: Buffer | null): void {
    if (key === undefined) return;
    const previous = this.storage.get(key);
    let value: V | undefined;
    if (bytes !== null) {
      try {
        value = this.o.codec.decode(bytes);
      } catch (error) {
        this.log.warn({ err: error, key }, 'undecodable table record skipped');
        return;
      }
    }
    if (value === undefined) this.storage.delete(key);
    else this.storage.set(key, value);
    if (this.o.registry) stateMetrics(this.o.registry).viewRecords.inc({ topic: this.o.topic });
    this.o.onUpdate?.(key, value, previous);
  }

  /** Resolves once the view caught up with the table as it was when reading started. */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.readyFlag;
  }

  /** Resolves once the view holds everything the table holds now. */
  async catchUp(): Promise<void> {
    await this.ready();
    await this.reader!.reach();
  }

  /** What the processors page shows of a view: its topic, whether it caught up, its keys and its position per partition. */
  state(): ViewState {
    const positions = this.reader?.currentPositions() ?? new Map<number, bigint>();
    return {
      topic: this.o.topic,
      ready: this.readyFlag,
      keys: this.storage.size,
      partitions: [...positions].sort(([a], [b]) => a - b).map(([partition, position]) => ({ partition, position: Number(position) })),
    };
  }

  get(key: string): V | undefined {
    return this.storage.get(key);
  }

  entries(): IterableIterator<[string, V]> {
    return this.storage.entries();
  }

  get size(): number {
    return this.storage.size;
  }

  /** Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.abort.abort();
      await this.starting?.catch(() => undefined);
      await this.reader?.close();
    })();
    return this.closing;
  }
}
