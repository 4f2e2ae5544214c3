import { ChirpError } from '@chirp/core';
import type { Codec } from './codec.ts';
import type { GroupGraph, LookupEdge, OutputEdge, StreamEdge } from './group-graph.ts';
import type { Message } from './message.ts';
import { StateRunner, type StepOutcome } from './state-runner.ts';
import { MemoryStorage } from './storage.ts';
import { tableRecordCodec } from './table-record.ts';
import type { TableRecord } from './table-record.ts';

export interface ConsumeOptions {
  /** Partition of the message (and of its key's state); 0 unless given. */
  partition?: number;
  /** Broker timestamp in ms; now unless given. */
  timestamp?: number;
  headers?: Record<string, string>;
}

/**
 * goka's tester: runs a group definition without Kafka, through the same StateRunner the Kafka
 * runtime uses (dedupe, marks, changelog-before-done, mirror). Feed messages, set lookup values,
 * read the table, the changelog and what was emitted; `handle` a message again to play a
 * redelivery or the retry topic's copy, `restart` to play a new member restoring from the changelog.
 */
export class Tester<V> {
  private readonly graph: GroupGraph<V>;
  private readonly storages = new Map<number, MemoryStorage<TableRecord<V>>>();
  private unsavedMarks = new Map<string, Set<string>>();
  private readonly lookups = new Map<string, Map<string, unknown>>();
  private readonly outputs = new Map<string, { key: string; value: unknown }[]>();
  private readonly log: { partition: number; key: string; record: TableRecord<V> }[] = [];
  private readonly offsets = new Map<string, bigint>();
  private readonly codec: Codec<TableRecord<V>>;
  private runner: StateRunner<V>;
  private readonly abort = new AbortController();
  /** Redelivered messages the table had already applied. */
  duplicates = 0;

  constructor(graph: GroupGraph<V>) {
    this.graph = graph;
    this.codec = tableRecordCodec(graph.table);
    this.runner = this.newRunner();
  }

  private newRunner(): StateRunner<V> {
    return new StateRunner<V>(
      this.graph,
      {
        ready: async () => undefined,
        get: (p, key) => this.storage(p).get(key),
        put: async (p, key, record) => {
          // Through the codec, as on Kafka: what cannot be written fails here too.
          const stored = this.codec.decode(this.codec.encode(record));
          this.log.push({ partition: p, key, record: stored });
          this.storage(p).set(key, stored);
          this.unsavedMarks.delete(`${p}\u0000${key}`);
        },
        unsaved: (p, key) => {
          const id = `${p}\u0000${key}`;
          let set = this.unsavedMarks.get(id);
          if (!set) this.unsavedMarks.set(id, (set = new Set()));
          return set;
        },
        lookup: <T>(edge: LookupEdge<T>, key: string) => this.lookups.get(edge.topic)?.get(key) as T | undefined,
        emit: async (edge: OutputEdge<unknown>, messages) => {
          const list = this.outputs.get(edge.topic) ?? [];
          for (const m of messages) list.push({ key: m.key, value: edge.codec.decode(edge.codec.encode(m.value)) });
          this.outputs.set(edge.topic, list);
        },
      },
      () => void this.duplicates++,
    );
  }

  private storage(partition: number): MemoryStorage<TableRecord<V>> {
    let s = this.storages.get(partition);
    if (!s) this.storages.set(partition, (s = new MemoryStorage()));
    return s;
  }

  /** Sets (or with undefined, removes) a key of a lookup table. */
  setLookup<T>(edge: LookupEdge<T>, key: string, value: T | undefined): void {
    let table = this.lookups.get(edge.topic);
    if (!table) this.lookups.set(edge.topic, (table = new Map<string, unknown>()));
    if (value === undefined) table.delete(key);
    else table.set(key, edge.codec.decode(edge.codec.encode(value)));
  }

  /** Appends a message to an input topic (next offset of its partition) without handling it. */
  message<T>(topic: string, key: string, value: T, options: ConsumeOptions = {}): Message<T> {
    const edge = this.edge(topic);
    const partition = options.partition ?? 0;
    const slot = `${topic}/${partition}`;
    const offset = this.offsets.get(slot) ?? 0n;
    this.offsets.set(slot, offset + 1n);
    return {
      topic,
      partition,
      offset: String(offset),
      key,
      value: edge.codec.decode(edge.codec.encode(value)) as T,
      timestamp: options.timestamp ?? Date.now(),
      headers: options.headers ?? {},
    };
  }

  /**
   * Handles a message as the processor would: the first delivery, a redelivery after a crash, or
   * the retry topic's copy. Rejects with the handler's error (the message stays unapplied).
   */
  handle<T>(message: Message<T>): Promise<StepOutcome> {
    return this.runner.handle(this.edge(message.topic), message, this.abort.signal);
  }

  /** Appends a message and handles it. */
  async consume<T>(topic: string, key: string, value: T, options: ConsumeOptions = {}): Promise<{ message: Message<T>; outcome: StepOutcome }> {
    const message = this.message(topic, key, value, options);
    return { message, outcome: await this.handle(message) };
  }

  /** Drops local state and unsaved marks, restores from the changelog and mirrors it, as a new member would. */
  async restart(): Promise<void> {
    this.storages.clear();
    this.unsavedMarks = new Map();
    for (const { partition, key, record } of this.log) this.storage(partition).set(key, record);
    this.runner = this.newRunner();
    if (this.graph.mirror) {
      for (const s of this.storages.values()) await this.graph.mirror([...s.entries()].map(([key, r]) => ({ key, value: r.value })));
    }
  }

  /** The key's state in the table (any partition). */
  value(key: string): V | undefined {
    return this.record(key)?.value;
  }

  record(key: string): TableRecord<V> | undefined {
    for (const s of this.storages.values()) {
      const r = s.get(key);
      if (r) return r;
    }
    return undefined;
  }

  /** Every key with state. */
  keys(): string[] {
    return [...this.storages.values()].flatMap((s) => [...s.entries()].map(([k]) => k));
  }

  /** Every changelog record written, oldest first (optionally of one key). */
  changelog(key?: string): TableRecord<V>[] {
    return this.log.filter((r) => key === undefined || r.key === key).map((r) => r.record);
  }

  emitted<T>(edge: OutputEdge<T>): { key: string; value: T }[] {
    return (this.outputs.get(edge.topic) ?? []) as { key: string; value: T }[];
  }

  private edge(topic: string): StreamEdge<V> {
    const edge = this.graph.inputs.find((i) => i.topic === topic);
    if (!edge) throw new ChirpError('CONFIG', `${this.graph.group} has no input ${topic}`);
    return edge;
  }
}
