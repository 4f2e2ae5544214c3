import type { Kafka } from 'kafkajs';

/** Whether a broker answers a metadata request within ~2 s. A fresh admin client, so a dead one is never cached. */
export async function brokerReachable(kafka: Kafka, timeoutMs = 2000): Promise<boolean> {
  const admin = kafka.admin({ retry: { retries: 0 } });
  const attempt = (async () => {
    await admin.connect();
    await admin.describeCluster();
    return true;
  })().catch(() => false);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    void admin.disconnect().catch(() => undefined);
  }
}
