import type { Admin, Kafka } from 'kafkajs';

/**
 * What the gateway asks Kafka about topics, on one long-lived admin client: whether a topic
 * exists (never creating it), its partition count (cached briefly: acks check their partition),
 * and its watermarks.
 */
export class TopicCatalog {
  private admin: Admin | undefined;
  private readonly counts = new Map<string, { partitions: number; at: number }>();

  constructor(
    private readonly kafka: Kafka,
    private readonly cacheMs = 10_000,
  ) {}

  private async client(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  /** Partition count, or undefined when the topic does not exist. */
  async partitions(topic: string): Promise<number | undefined> {
    const cached = this.counts.get(topic);
    if (cached && Date.now() - cached.at < this.cacheMs) return cached.partitions;
    const admin = await this.client();
    if (!(await admin.listTopics()).includes(topic)) return undefined;
    const meta = await admin.fetchTopicMetadata({ topics: [topic] });
    const partitions = meta.topics[0]?.partitions.length ?? 0;
    this.counts.set(topic, { partitions, at: Date.now() });
    return partitions;
  }

  /** Low and high watermark per partition; empty when the topic does not exist. */
  async watermarks(topic: string): Promise<Map<number, { low: bigint; high: bigint }>> {
    const admin = await this.client();
    if (!(await admin.listTopics()).includes(topic)) return new Map();
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, { low: BigInt(o.low), high: BigInt(o.high) }]));
  }

  async close(): Promise<void> {
    await this.admin?.disconnect();
    this.admin = undefined;
  }
}
