import { randomUUID } from 'node:crypto';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { GatewayPositionStore } from '@chirp/store';
import type { Logger } from '@chirp/telemetry';
import type { GatewayMetrics } from './metrics.ts';
import { ackedOffset, replayUpTo } from './positions.ts';

/** Where a client that receives a partition gets its records: a gRPC server stream, seen as a Writable. */
export interface RecordSink {
  write(reply: unknown): boolean;
  end(): void;
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
}

/** How long a batch waits for a client to read before its partition is paused instead. */
const DRAIN_WAIT_MS = 250;

/** Resolves true when the sink drains within `ms`, false otherwise (the listener is removed). */
function drained(sink: RecordSink, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onDrain = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      sink.removeListener('drain', onDrain);
      resolve(false);
    }, ms);
    sink.once('drain', onDrain);
  });
}

export type Encoder = (partition: number, message: KafkaMessage, replay: boolean) => unknown;

export interface SubscriptionOptions {
  kafka: Kafka;
  positions: GatewayPositionStore;
  topic: string;
  group: string;
  version: number;
  reset: 'EARLIEST' | 'LATEST';
  /** The Kafka consumer group that spreads the topic's partitions over this group's subscribers. */
  kafkaGroupId: string;
  /** High watermarks of the topic now (for LATEST). */
  highWatermarks(): Promise<Map<number, bigint>>;
  /** A partition was assigned to this subscriber: announce it on the Subscribe stream. */
  onAssigned(partition: number): void;
  /** The subscription cannot go on (kafkajs gave up): end the Subscribe stream with this error. */
  onFailed(error: unknown): void;
  metrics: GatewayMetrics;
  logger: Logger;
}

interface Receiver {
  sink: RecordSink;
  encode: Encoder;
  /** The next offset to send. */
  next: bigint;
  replayUpTo: bigint;
  /** Paused until the client reads what it was sent. */
  waiting: boolean;
}

interface Feed {
  partition: number;
  /** For LATEST without a position: the high watermark when the partition was assigned. */
  latest?: Promise<bigint>;
  receiver?: Receiver;
}

/**
 * One Subscribe call: a member of the Kafka consumer group of (topic, group), so Kafka spreads the
 * partitions exclusively over every subscriber of the group (on any gateway instance) and moves them
 * when one leaves. Offsets are never committed to Kafka: positions live in Redis (acks), and a
 * partition is read from the group's position when a client calls Receive for it. A partition with
 * no receiver, or whose receiver has not read what it was sent, is paused in kafkajs, so nothing
 * piles up in the gateway: at most one fetch (`maxBytesPerPartition`) per partition plus the
 * stream's write buffer.
 */
export class GroupSubscription {
  readonly sessionId = randomUUID();
  private consumer: Consumer | undefined;
  private readonly feeds = new Map<number, Feed>();
  private closing: Promise<void> | undefined;

  constructor(private readonly o: SubscriptionOptions) {}

  get topic(): string {
    return this.o.topic;
  }
  get group(): string {
    return this.o.group;
  }
  get version(): number {
    return this.o.version;
  }

  async start(): Promise<void> {
    const consumer = this.o.kafka.consumer({
      groupId: this.o.kafkaGroupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 10_000,
      rebalanceTimeout: 10_000,
      heartbeatInterval: 1000,
      maxBytesPerPartition: 256 * 1024,
      maxBytes: 2 * 1024 * 1024,
      maxWaitTimeInMs: 500,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, (e) => this.assign(e.payload.memberAssignment[this.o.topic] ?? []));
    consumer.on(consumer.events.CRASH, (e) => {
      this.o.logger.warn({ err: e.payload.error, topic: this.o.topic, group: this.o.group, restart: e.payload.restart }, 'gateway consumer crashed');
      if (!e.payload.restart) this.o.onFailed(e.payload.error);
    });
    await consumer.connect();
    // Never committed, so after any (re)assignment kafkajs starts at the earliest record; the
    // partition is sought to its position before anything is sent, and earlier records are skipped.
    await consumer.subscribe({ topic: this.o.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 4,
      eachBatch: async (payload) => this.deliver(payload),
    });
  }

  /** The partitions this subscriber holds now. */
  partitions(): number[] {
    return [...this.feeds.keys()];
  }

  private assign(partitions: number[]): void {
    const now = new Set(partitions);
    const before = this.feeds.size;
    for (const feed of [...this.feeds.values()]) if (!now.has(feed.partition)) this.revoke(feed);
    const added = partitions.filter((p) => !this.feeds.has(p));
    let latest: Promise<Map<number, bigint>> | undefined;
    for (const p of added) {
      const feed: Feed = { partition: p };
      if (this.o.reset === 'LATEST') {
        latest ??= this.o.highWatermarks();
        feed.latest = latest.then((marks) => marks.get(p) ?? 0n);
        feed.latest.catch(() => undefined);
      }
      this.feeds.set(p, feed);
    }
    this.o.metrics.assignments.inc({ topic: this.o.topic, group: this.o.group }, this.feeds.size - before);
    for (const feed of this.feeds.values()) {
      if (feed.receiver && !feed.receiver.waiting) this.seek(feed.partition, feed.receiver.next);
      else this.pause(feed.partition);
    }
    for (const p of added) this.o.onAssigned(p);
    this.o.logger.debug({ topic: this.o.topic, group: this.o.group, session: this.sessionId, partitions }, 'gateway assignment');
  }

  /** A partition moved to another subscriber: its Receive stream ends. */
  private revoke(feed: Feed): void {
    this.feeds.delete(feed.partition);
    this.detach(feed);
  }

  /**
   * Starts sending partition p to `sink`, from after the group's position (or its
   * `auto_offset_reset`), and after `lastKnownOffset` when the client says it has seen more. A
   * second Receive of the same assignment replaces the first (whose stream ends).
   */
  async attach(partition: number, lastKnownOffset: bigint, sink: RecordSink, encode: Encoder): Promise<boolean> {
    const feed = this.feeds.get(partition);
    if (!feed || this.closing) return false;
    const positions = await this.o.positions.positions(this.o.topic, this.o.group);
    const acked = ackedOffset(positions, this.o.version, partition);
    let next = acked !== undefined ? acked + 1n : feed.latest ? await feed.latest : 0n;
    if (lastKnownOffset > 0n && lastKnownOffset + 1n > next) next = lastKnownOffset + 1n;
    if (this.feeds.get(partition) !== feed || this.closing) return false; // moved away meanwhile
    this.detach(feed);
    feed.receiver = { sink, encode, next, replayUpTo: replayUpTo(positions, partition), waiting: false };
    this.seek(partition, next);
    this.resume(partition);
    return true;
  }

  /** The client of partition p went away (or was replaced): the partition waits, paused. */
  detach(feed: Feed | number, receiverSink?: RecordSink): void {
    const f = typeof feed === 'number' ? this.feeds.get(feed) : feed;
    const r = f?.receiver;
    if (!f || !r || (receiverSink && r.sink !== receiverSink)) return;
    f.receiver = undefined;
    if (r.waiting) this.o.metrics.backpressured.dec({ topic: this.o.topic, group: this.o.group });
    if (this.feeds.get(f.partition) === f) this.pause(f.partition);
    r.sink.end();
  }

  private async deliver(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const feed = this.feeds.get(batch.partition);
    const r = feed?.receiver;
    if (!feed || !r || r.waiting) return this.pause(batch.partition);
    const labels = { topic: this.o.topic, group: this.o.group };
    for (const message of batch.messages) {
      if (!payload.isRunning() || payload.isStale() || feed.receiver !== r) return;
      const offset = BigInt(message.offset);
      if (offset < r.next) {
        payload.resolveOffset(message.offset);
        continue;
      }
      const more = r.sink.write(r.encode(batch.partition, message, offset <= r.replayUpTo));
      r.next = offset + 1n;
      payload.resolveOffset(message.offset);
      this.o.metrics.records.inc(labels);
      // A client that reads keeps the batch going; one that does not within DRAIN_WAIT_MS gets its
      // partition paused (only that partition waits), and it goes on from r.next once it has read.
      if (!more && !(await drained(r.sink, DRAIN_WAIT_MS))) {
        if (feed.receiver !== r) return;
        r.waiting = true;
        this.o.metrics.backpressured.inc(labels);
        this.pause(batch.partition);
        r.sink.once('drain', () => {
          if (feed.receiver !== r || !r.waiting) return;
          r.waiting = false;
          this.o.metrics.backpressured.dec(labels);
          if (this.feeds.get(feed.partition) !== feed) return;
          this.seek(feed.partition, r.next);
          this.resume(feed.partition);
        });
        return;
      }
    }
  }

  private pause(partition: number): void {
    this.consumer?.pause([{ topic: this.o.topic, partitions: [partition] }]);
  }
  private resume(partition: number): void {
    this.consumer?.resume([{ topic: this.o.topic, partitions: [partition] }]);
  }
  private seek(partition: number, offset: bigint): void {
    this.consumer?.seek({ topic: this.o.topic, partition, offset: offset.toString() });
  }

  /** Idempotent: ends every Receive stream and leaves the group, so the partitions move to the others. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.o.metrics.assignments.dec({ topic: this.o.topic, group: this.o.group }, this.feeds.size);
      for (const feed of [...this.feeds.values()]) this.revoke(feed);
      try {
        await this.consumer?.disconnect();
      } catch (error) {
        this.o.logger.warn({ err: error, topic: this.o.topic, group: this.o.group }, 'gateway consumer disconnect failed');
      }
    })();
    return this.closing;
  }
}
