import type { Kafka, Producer } from 'kafkajs';
import { tweetSchema, type Tweet } from '@chirp/core';
import { createProducer } from '@chirp/streams';
import { percentile, sleep } from './pipeline-stats.ts';

export interface KafkaLoadResult {
  /** Tweets handed to the producer. */
  sent: number;
  /** Tweets Kafka acknowledged (acks=-1). */
  acked: number;
  failed: number;
  /** Ticks skipped because `maxInFlight` sends were pending: the producer could not keep the pace. */
  stalledTicks: number;
  sendP50Ms: number | undefined;
  sendP99Ms: number | undefined;
  seconds: number;
}

const TICK_MS = 10;

/**
 * "The API's publish path" without HTTP: what KafkaPublisher.tweet sends (the tweet as JSON, keyed
 * by author, timestamp = createdAt, acks=-1), at a fixed rate. Every 10 ms the tweets due by then
 * go in one send (the API sends one per request); up to `maxInFlight` sends may be pending, beyond
 * that ticks are skipped and counted, and the owed tweets go out in the next tick (open loop: the
 * schedule does not slow down when the pipeline does).
 *
 * The tweets are valid by construction (checked once against tweetSchema at the first send), so
 * the codec's per-message validation is skipped: its grapheme count (Intl.Segmenter) costs ~100 µs
 * a tweet, CPU the load generator would take from the pipeline's two cores.
 */
export class KafkaLoad {
  private readonly producer: Producer;
  private checked = false;

  constructor(
    kafka: Kafka,
    private readonly topic: string,
    private readonly maxInFlight = 64,
  ) {
    this.producer = createProducer(kafka);
  }

  private send(batch: Tweet[]): Promise<unknown> {
    if (!this.checked) {
      tweetSchema.parse(batch[0]);
      this.checked = true;
    }
    return this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: batch.map((t) => ({ key: t.author, value: JSON.stringify(t), timestamp: String(Date.parse(t.createdAt)) })),
    });
  }

  start(): Promise<void> {
    return this.producer.connect();
  }

  async run(rate: number, seconds: number, make: (now: number) => Tweet, signal: AbortSignal): Promise<KafkaLoadResult> {
    const inFlight = new Set<Promise<void>>();
    const sendMs: number[] = [];
    let sent = 0;
    let acked = 0;
    let failed = 0;
    let stalledTicks = 0;
    const t0 = Date.now();
    const end = t0 + seconds * 1000;
    for (let now = Date.now(); now < end && !signal.aborted; now = Date.now()) {
      const due = Math.floor((rate * (now - t0)) / 1000) - sent;
      if (due > 0 && inFlight.size >= this.maxInFlight) stalledTicks++;
      else if (due > 0) {
        const batch = Array.from({ length: due }, () => make(now));
        sent += due;
        const started = performance.now();
        const p: Promise<void> = this.send(batch)
          .then(
            () => {
              acked += batch.length;
              sendMs.push(performance.now() - started);
            },
            () => void (failed += batch.length),
          )
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      await sleep(TICK_MS - ((Date.now() - t0) % TICK_MS), signal);
    }
    await Promise.all(inFlight);
    sendMs.sort((a, b) => a - b);
    return { sent, acked, failed, stalledTicks, sendP50Ms: percentile(sendMs, 50), sendP99Ms: percentile(sendMs, 99), seconds: (Date.now() - t0) / 1000 };
  }

  async close(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
  }
}
