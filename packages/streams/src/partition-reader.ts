import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { ChirpError } from '@chirp/core';
import type { Logger } from '@chirp/telemetry';
import { fixedAssigner } from './assigners.ts';

export interface PartitionReaderOptions {
  kafka: Kafka;
  topic: string;
  /** Partitions to read; all of the topic's when not given. */
  partitions?: readonly number[];
  /**
   * `catch-up`: read from the beginning to the high watermark each partition had when reading
   * started, then stop (a table restore). `follow`: keep reading (a view).
   */
  mode: 'catch-up' | 'follow';
  /**
   * Read only the last this-many messages of each partition (from max(low, high − n) of the
   * watermarks at the start) instead of all: a bounded view (the API's search index) starts in
   * time bounded by n, not by the topic's retention.
   */
  lastMessages?: number;
  /** Called in offset order per partition; a throw stops the reader with that error. */
  onMessages(partition: number, messages: KafkaMessage[]): void | Promise<void>;
  logger: Logger;
}

/**
 * Reads partitions of a topic from their beginning (or their last `lastMessages`) without joining
 * anyone's consumer group: a consumer with a group id of its own and an assigner that gives it
 * exactly the partitions asked for. Nothing is committed; every join (the first, and a rejoin after
 * a restart or a missed session timeout) seeks each partition to where this reader is, and every
 * batch is cut at that position, so no message is handed over twice.
 */
export class PartitionReader {
  private readonly o: PartitionReaderOptions;
  private consumer: Consumer | undefined;
  private readonly positions = new Map<number, bigint>();
  private readonly targets = new Map<number, bigint>();
  private caughtUpResolve: () => void = () => {};
  private caughtUpReject: (error: unknown) => void = () => {};
  private readonly caughtUpPromise: Promise<void>;
  private waiters: { targets: Map<number, bigint>; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private closing: Promise<void> | undefined;
  private skipped = 0;

  constructor(options: PartitionReaderOptions) {
    if (options.lastMessages !== undefined && !(Number.isInteger(options.lastMessages) && options.lastMessages >= 0))
      throw new RangeError(`lastMessages must be an integer of at least 0, got ${options.lastMessages}`);
    this.o = options;
    this.caughtUpPromise = new Promise((resolve, reject) => {
      this.caughtUpResolve = resolve;
      this.caughtUpReject = reject;
    });
    this.caughtUpPromise.catch(() => undefined);
  }

  /** Connects and starts reading; resolves once reading runs (not once caught up). */
  async start(): Promise<void> {
    const { kafka, topic } = this.o;
    const marks = await highWatermarks(kafka, topic);
    const partitions = this.o.partitions ?? [...marks.keys()].sort((a, b) => a - b);
    for (const p of partitions) {
      const mark = marks.get(p);
      if (!mark) throw new ChirpError('CONFIG', `${topic} has no partition ${p}`);
      this.targets.set(p, mark.high);
      const tail = this.o.lastMessages === undefined ? mark.low : mark.high - BigInt(this.o.lastMessages);
      this.positions.set(p, tail > mark.low ? tail : mark.low);
    }
    if (this.isCaughtUp(this.targets)) this.caughtUpResolve();
    if (this.o.mode === 'catch-up' && this.isCaughtUp(this.targets)) return; // nothing to read
    const consumer = kafka.consumer({
      groupId: `reader-${randomUUID()}`,
      partitionAssigners: [fixedAssigner(topic, partitions)],
      allowAutoTopicCreation: false,
      maxBytesPerPartition: 8 * 1024 * 1024,
      maxWaitTimeInMs: 250,
      sessionTimeout: 30_000,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, (e) => {
      this.o.logger.warn({ err: e.payload.error, topic, restart: e.payload.restart }, 'partition reader crashed');
      if (!e.payload.restart) this.caughtUpReject(e.payload.error);
    });
    // Emitted after each join's sync and before its first fetch, which applies these seeks.
    consumer.on(consumer.events.GROUP_JOIN, () => {
      for (const [partition, offset] of this.positions) consumer.seek({ topic, partition, offset: offset.toString() });
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: Math.max(1, partitions.length),
      eachBatch: async ({ batch }) => {
        const from = this.positions.get(batch.partition) ?? 0n;
        // Offsets ascend in a batch: only one that starts below the position needs cutting.
        const first = batch.messages[0];
        const messages = first && BigInt(first.offset) < from ? batch.messages.filter((m) => BigInt(m.offset) >= from) : batch.messages;
        this.skipped += batch.messages.length - messages.length;
        if (messages.length > 0) await this.o.onMessages(batch.partition, messages);
        const next = BigInt(batch.lastOffset()) + 1n;
        if (next > (this.positions.get(batch.partition) ?? 0n)) this.positions.set(batch.partition, next);
        this.settle();
      },
    });
  }

  /** Messages fetched below this reader's position and dropped: 0 while every join's seek works. */
  skippedMessages(): number {
    return this.skipped;
  }

  /** The next offset this reader will read, per partition (the monitor shows a view's position). */
  currentPositions(): Map<number, bigint> {
    return new Map(this.positions);
  }

  /** The high watermark partition p had when the reader started. */
  target(partition: number): bigint {
    return this.targets.get(partition) ?? 0n;
  }

  /** Resolves once every partition reached the high watermark it had when the reader started. */
  caughtUp(): Promise<void> {
    return this.caughtUpPromise;
  }

  /** Resolves once every partition reached the high watermark it has now (read-your-writes for tests). */
  async reach(targets?: Map<number, bigint>): Promise<void> {
    const wanted =
      targets ?? new Map([...(await highWatermarks(this.o.kafka, this.o.topic))].filter(([p]) => this.targets.has(p)).map(([p, m]) => [p, m.high]));
    if (this.isCaughtUp(wanted)) return;
    if (this.closing) throw new ChirpError('INTERNAL', `reader of ${this.o.topic} closed`, { retriable: true });
    await new Promise<void>((resolve, reject) => this.waiters.push({ targets: wanted, resolve, reject }));
  }

  private isCaughtUp(targets: Map<number, bigint>): boolean {
    for (const [p, target] of targets) if ((this.positions.get(p) ?? 0n) < target) return false;
    return true;
  }

  private settle(): void {
    if (this.isCaughtUp(this.targets)) {
      this.caughtUpResolve();
      if (this.o.mode === 'catch-up') void this.close();
    }
    this.waiters = this.waiters.filter((w) => {
      if (!this.isCaughtUp(w.targets)) return true;
      w.resolve();
      return false;
    });
  }

  /** Idempotent: stops reading and leaves the (private) group. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const closed = new ChirpError('INTERNAL', `reader of ${this.o.topic} closed`, { retriable: true });
      this.caughtUpReject(closed);
      for (const w of this.waiters.splice(0)) w.reject(closed);
      try {
        await this.consumer?.disconnect();
      } catch (error) {
        this.o.logger.warn({ err: error, topic: this.o.topic }, 'partition reader disconnect failed');
      }
    })();
    return this.closing;
  }
}

/** Low and high watermark of every partition of a topic. A fresh admin client per call (see lag-collector). */
export async function highWatermarks(kafka: Kafka, topic: string): Promise<Map<number, { low: bigint; high: bigint }>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Asked first so a topic that does not exist yet (a table whose processor has not started) is
    // a quiet retriable error rather than a broker error in the logs.
    if (!(await admin.listTopics()).includes(topic)) throw new ChirpError('NOT_FOUND', `topic ${topic} does not exist yet`, { retriable: true });
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, { low: BigInt(o.low), high: BigInt(o.high) }]));
  } finally {
    await admin.disconnect();
  }
}
