import type { Producer } from 'kafkajs';
import { ChirpError } from '@chirp/core';

interface Pending {
  key: string;
  value: Buffer;
  partition: number;
  resolve: (offset: bigint) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes changelog records, coalescing the writes that arrive while a request is in flight into
 * the next one. A broker serves one request per connection at a time, so one record per request
 * caps a table at a few thousand writes a second however many keys run at once; batched, every
 * key in flight shares a round trip. Each write still resolves only once its record is
 * acknowledged by every in-sync replica, with the offset it got.
 */
export class ChangelogWriter {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly maxBatch = 500,
  ) {}

  write(key: string, value: Buffer, partition: number): Promise<bigint> {
    return new Promise((resolve, reject) => {
      this.queue.push({ key, value, partition, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const meta = await this.producer.send({
            topic: this.topic,
            acks: -1,
            messages: batch.map((p) => ({ key: p.key, value: p.value, partition: p.partition })),
          });
          // A partition's records of one request are appended in order from its base offset.
          const next = new Map(meta.map((m) => [m.partition, BigInt(m.baseOffset ?? '-1')]));
          for (const p of batch) {
            const offset = next.get(p.partition) ?? -1n;
            next.set(p.partition, offset + 1n);
            p.resolve(offset);
          }
        } catch (cause) {
          const error = new ChirpError('KAFKA_UNAVAILABLE', `Kafka did not acknowledge ${this.topic}`, { cause, retriable: true });
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
