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
