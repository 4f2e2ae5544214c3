import { describe, expect, it } from 'vitest';
import type { Kafka, ProducerBatch, ProducerConfig } from 'kafkajs';
import { createProducer } from '../src/index.ts';

// The retry decision of createProducer, on a stand-in kafkajs client (pure logic). The reason for
// the whole-request retry, a real leader move on three brokers, is
// stack/test/kafka-leader-move.cluster.test.ts (`npm run test:cluster`).
function fakeKafka(failures: Error[]): { kafka: Kafka; configs: ProducerConfig[]; sends: ProducerBatch[] } {
  const configs: ProducerConfig[] = [];
  const sends: ProducerBatch[] = [];
  const kafka = {
    producer: (config: ProducerConfig) => {
      configs.push(config);
      return {
        connect: () => Promise.resolve(),
        sendBatch: (batch: ProducerBatch) => {
          sends.push(batch);
          const failure = failures.shift();
          return failure ? Promise.reject(failure) : Promise.resolve([]);
        },
      };
    },
  } as unknown as Kafka;
  return { kafka, configs, sends };
}

const named = (name: string): Error => Object.assign(new Error(name), { name });
const batch: ProducerBatch = { acks: -1, topicMessages: [{ topic: 't', messages: [{ value: 'a' }] }] };

describe('createProducer', () => {
  it('turns kafkajs retries off and retries a failed request whole, up to its attempts', async () => {
    const { kafka, configs, sends } = fakeKafka([named('KafkaJSNumberOfRetriesExceeded'), named('KafkaJSNumberOfRetriesExceeded')]);
    await createProducer(kafka, { attempts: 3, backoff: { baseMs: 1 } }).sendBatch(batch);
    expect(configs[0]!.retry).toEqual({ retries: 0 });
    expect(sends).toEqual([batch, batch, batch]);
  });

  it('gives up after its attempts, failing with kafkajs’s error', async () => {
    const { kafka, sends } = fakeKafka([named('KafkaJSNumberOfRetriesExceeded'), named('KafkaJSNumberOfRetriesExceeded')]);
    await expect(createProducer(kafka, { attempts: 2, backoff: { baseMs: 1 } }).sendBatch(batch)).rejects.toThrow('KafkaJSNumberOfRetriesExceeded');
    expect(sends).toHaveLength(2);
  });

  it('does not retry a failure of the request itself (a message too large, a disconnected producer)', async () => {
    // kafkajs throws MESSAGE_TOO_LARGE as a bare protocol error, a send before connect() as a plain KafkaJSError.
    for (const name of ['KafkaJSProtocolError', 'KafkaJSError', 'KafkaJSNonRetriableError']) {
      const { kafka, sends } = fakeKafka([named(name)]);
      await expect(createProducer(kafka, { attempts: 4, backoff: { baseMs: 1 } }).sendBatch(batch)).rejects.toThrow(name);
      expect({ name, sends: sends.length }).toEqual({ name, sends: 1 });
    }
  });

  it('refuses an attempts count below 1', () => {
    expect(() => createProducer(fakeKafka([]).kafka, { attempts: 0 })).toThrow('attempts must be an integer ≥ 1');
  });
});
