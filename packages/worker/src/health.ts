import type { Kafka } from 'kafkajs';
import { brokerReachable, type Processor } from '@chirp/streams';

/**
 * A worker is ready when its Redis client is connected, a broker answers, and no partition waits
 * for a dependency (the failure policy pauses those: packages/streams/src/failure-policy.ts).
 */
export async function workerReady(redis: { status: string }, kafka: Kafka, processor: Pick<Processor, 'waitingOnDependency'>): Promise<boolean> {
  if (redis.status !== 'ready' || processor.waitingOnDependency()) return false;
  return brokerReachable(kafka);
}
