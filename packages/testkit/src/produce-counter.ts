import type { Producer } from 'kafkajs';

export interface ProduceCounter {
  /** Produce requests put on the wire since the counter was made (one per broker per send). */
  readonly count: number;
  stop(): void;
}

/** Counts a producer's Produce requests through kafkajs instrumentation, to assert batching. */
export function countProduceRequests(producer: Producer): ProduceCounter {
  let count = 0;
  const stop = producer.on(producer.events.REQUEST, (e) => {
    if (e.payload.apiName === 'Produce') count++;
  });
  return {
    get count() {
      return count;
    },
    stop,
  };
}

/**
 * Records every `send` and `sendBatch` call of a producer, each as its topics with their message
 * counts (`"<topic>:<n>"`). What a caller asked for, where countProduceRequests also counts
 * kafkajs's own retries of a request.
 */
export function recordSends(producer: Producer): string[][] {
  const calls: string[][] = [];
  const send = producer.send.bind(producer);
  const sendBatch = producer.sendBatch.bind(producer);
  producer.send = (record) => {
    calls.push([`${record.topic}:${record.messages.length}`]);
    return send(record);
  };
  producer.sendBatch = (batch) => {
    calls.push((batch.topicMessages ?? []).map((t) => `${t.topic}:${t.messages.length}`));
    return sendBatch(batch);
  };
  return calls;
}
