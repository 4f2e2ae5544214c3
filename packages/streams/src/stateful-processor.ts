import type { Admin, ITopicMetadata, Kafka, Producer } from 'kafkajs';
import { backoffMs, changelogTopic, ChirpError, retryTopic, sleep } from '@chirp/core';
import type { Logger, Registry } from '@chirp/telemetry';
import { copartitionedAssigner } from './assigners.ts';
import { Emitter } from './emitter.ts';
import type { GroupGraph, LookupEdge, OutputEdge } from './group-graph.ts';
import { GroupTable } from './group-table.ts';
import { createProducer } from './kafka.ts';
import { input } from './message.ts';
import type { FailureOptions } from './failure-policy.ts';
import { Processor } from './processor.ts';
import { stateMetrics } from './state-metrics.ts';
import { StateRunner } from './state-runner.ts';
import { tableRecordCodec } from './table-record.ts';
import { ensureTopics } from './topics-admin.ts';
import { View } from './view.ts';

export interface StatefulProcessorOptions<V> {
  kafka: Kafka;
  graph: GroupGraph<V>;
  registry: Registry;
  logger: Logger;
  concurrency?: number;
  failure?: Partial<FailureOptions>;
  sessionTimeoutMs?: number;
  maxBytesPerPartition?: number;
}

/** What a worker runtime starts and stops: a Processor, or a StatefulProcessor (which holds one). */
export interface ProcessorHandle {
  readonly groupId: string;
  start(): Promise<void>;
  close(): Promise<void>;
  waitingOnDependency(): boolean;
}

/**
 * A group table, lookups and outputs around a Processor (goka's processor with Persist, Lookup
 * and Output), by composition: the table, views and state runner are built first, then the
 * Processor whose input edges hand each message to the runner. Partitions are co-partitioned
 * across the inputs and the group's retry topic, the changelog has as many partitions as the
 * inputs, lookups are caught up before the first message, and each table partition is restored
 * before a message of it is handled.
 */
export class StatefulProcessor<V> implements ProcessorHandle {
  readonly groupId: string;
  readonly retryTopic: string;
  readonly deadLetterTopic: string;
  readonly table: GroupTable<V>;
  readonly changelogTopic: string;
  private readonly processor: Processor;
  private readonly graph: GroupGraph<V>;
  private readonly kafka: Kafka;
  private readonly views = new Map<string, View<unknown>>();
  private readonly emitters = new Map<string, Emitter<unknown>>();
  private readonly outputProducer: Producer | undefined;
  private readonly stateLog: Logger;
  private stateClosing: Promise<void> | undefined;

  constructor(options: StatefulProcessorOptions<V>) {
    const { graph } = options;
    this.graph = graph;
    this.kafka = options.kafka;
    this.groupId = graph.group;
    this.stateLog = options.logger.child({ group: graph.group });
    this.changelogTopic = changelogTopic(graph.group);
    const table = new GroupTable<V>({
      kafka: options.kafka,
      group: graph.group,
      topic: this.changelogTopic,
      codec: tableRecordCodec(graph.table),
      logger: options.logger,
      registry: options.registry,
      onRestored: graph.mirror ? (_p, entries) => graph.mirror!(entries) : undefined,
    });
    this.table = table;
    for (const edge of graph.lookups ?? []) {
      this.views.set(edge.topic, new View({ kafka: options.kafka, topic: edge.topic, codec: edge.codec, logger: options.logger, registry: options.registry }));
    }
    if ((graph.outputs ?? []).length > 0) {
      const producer = createProducer(options.kafka);
      this.outputProducer = producer;
      for (const edge of graph.outputs ?? []) this.emitters.set(edge.topic, new Emitter({ producer, topic: edge.topic, codec: edge.codec }));
    }
    const duplicates = stateMetrics(options.registry).duplicates;
    const runner = new StateRunner<V>(
      graph,
      {
        ready: (p) => table.ready(p),
        get: (p, key) => table.get(p, key),
        put: (p, key, record) => table.put(p, key, record),
        unsaved: (p, key) => table.unsaved(p, key),
        lookup: <T>(edge: LookupEdge<T>, key: string) => this.views.get(edge.topic)?.get(key) as T | undefined,
        emit: async (edge: OutputEdge<unknown>, messages) => this.emitters.get(edge.topic)!.emitMany(messages),
      },
      () => duplicates.inc({ group: graph.group }),
    );
    const stateTopics = new Set([...graph.inputs.map((i) => i.topic), retryTopic(graph.group)]);
    this.processor = new Processor({
      kafka: options.kafka,
      groupId: graph.group,
      registry: options.registry,
      logger: options.logger,
      concurrency: options.concurrency,
      failure: options.failure,
      sessionTimeoutMs: options.sessionTimeoutMs,
      maxBytesPerPartition: options.maxBytesPerPartition,
      inputs: graph.inputs.map((edge) => ({
        ...input(edge.topic, edge.codec, async (message, ctx) => void (await runner.handle(edge, message, ctx.signal))),
        onDeadLetter: (message) => runner.deadLettered(message),
      })),
      partitionAssigners: [copartitionedAssigner()],
      onAssignment: (assignment, memberId) => {
        const partitions = new Set<number>();
        for (const [topic, list] of Object.entries(assignment)) if (stateTopics.has(topic)) for (const p of list) partitions.add(p);
        table.assign(
          [...partitions].sort((a, b) => a - b),
          memberId,
        );
      },
    });
    this.retryTopic = this.processor.retryTopic;
    this.deadLetterTopic = this.processor.deadLetterTopic;
  }

  /** Resolves once the consumer has joined its group. */
  joined(): Promise<void> {
    return this.processor.joined();
  }

  assignment(): Record<string, number[]> {
    return this.processor.assignment();
  }

  waitingOnDependency(): boolean {
    return this.processor.waitingOnDependency();
  }

  /** Lookups caught up, topics co-partitioned, then the consumer joins (and restores per assignment). */
  async start(): Promise<void> {
    await this.prepareTopics();
    await this.table.start();
    await this.outputProducer?.connect();
    await Promise.all(
      [...this.views.values()].map(async (view) => {
        await view.start();
        await view.ready();
      }),
    );
    await this.processor.start();
  }

  /**
   * The changelog needs the inputs' partition count (partition p of the input ↔ p of the table),
   * and so does the retry topic, or a retried message would reach a member that does not hold its
   * key's state. An existing retry topic with fewer partitions is grown; anything else that does
   * not fit is a configuration error.
   */
  private async prepareTopics(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const inputs = this.graph.inputs.map((i) => i.topic);
      const { topics } = await admin.fetchTopicMetadata({ topics: inputs });
      const counts = new Set(topics.map((t) => t.partitions.length));
      if (counts.size !== 1) {
        throw new ChirpError(
          'CONFIG',
          `inputs of ${this.groupId} must have the same partition count: ${topics.map((t) => `${t.name}=${t.partitions.length}`).join(', ')}`,
        );
      }
      const partitions = [...counts][0]!;
      const existing = new Set(await admin.listTopics());
      const present = [this.changelogTopic, this.retryTopic].filter((t) => existing.has(t));
      const current = present.length ? (await admin.fetchTopicMetadata({ topics: present })).topics : [];
      const count = (topic: string): number | undefined => current.find((t) => t.name === topic)?.partitions.length;
      const changelog = count(this.changelogTopic);
      if (changelog !== undefined && changelog !== partitions) {
        throw new ChirpError('CONFIG', `${this.changelogTopic} has ${changelog} partitions, its inputs ${partitions}: the table cannot be mapped`);
      }
      const retry = count(this.retryTopic);
      if (retry !== undefined && retry > partitions) {
        throw new ChirpError('CONFIG', `${this.retryTopic} has ${retry} partitions, more than its inputs (${partitions})`);
      }
      if (retry !== undefined && retry < partitions) {
        try {
          await admin.createPartitions({ topicPartitions: [{ topic: this.retryTopic, count: partitions }] });
          this.stateLog.warn({ topic: this.retryTopic, from: retry, to: partitions }, 'retry topic grown to co-partition it with the inputs');
        } catch (error) {
          // Another member of the group, starting at the same moment, grew it first (INVALID_PARTITIONS:
          // it has that count already). Anything else, or a count still short, is a real failure. The
          // broker asked may not know of the other member's change yet: ask a few times.
          const grown = await untilMetadata(admin, [this.retryTopic], 10, ([now]) => now?.partitions.length === partitions);
          if (!grown) throw error;
        }
      }
      await ensureTopics(this.kafka, [
        { topic: this.changelogTopic, partitions, compacted: true },
        { topic: this.retryTopic, partitions },
      ]);
      // A topic created a moment ago can be unknown to the broker's metadata for a while, and the
      // consumer's subscribe fails on that instead of waiting: wait here.
      await untilMetadata(admin, [this.changelogTopic, this.retryTopic], 20, () => true);
    } finally {
      await admin.disconnect();
    }
  }

  /** The lookup view of a topic (for tests and introspection). */
  lookupView<T>(edge: LookupEdge<T>): View<T> | undefined {
    return this.views.get(edge.topic) as View<T> | undefined;
  }

  /** Stops the consumer (in-flight messages finish and commit), then the table and lookups. Idempotent. */
  close(): Promise<void> {
    this.stateClosing ??= (async () => {
      await this.processor.close();
      await this.table.close();
      await Promise.all([...this.views.values()].map((v) => v.close()));
      try {
        await this.outputProducer?.disconnect();
      } catch (error) {
        this.stateLog.warn({ err: error }, 'output producer disconnect failed');
      }
    })();
    return this.stateClosing;
  }
}

/**
 * Reads the topics' metadata until `done` holds, with the project's backoff between tries: a
 * broker may not know yet of a topic just created or grown. Resolves false when `done` never held
 * within `attempts`; a read that still fails on the last attempt throws its error.
 */
async function untilMetadata(admin: Admin, topics: string[], attempts: number, done: (metadata: ITopicMetadata[]) => boolean): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (done((await admin.fetchTopicMetadata({ topics })).topics)) return true;
      if (attempt >= attempts) return false;
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
    await sleep(backoffMs(attempt, { baseMs: 100, capMs: 1000 }));
  }
}
