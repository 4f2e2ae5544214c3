import { ChirpError, isChirpError } from '@chirp/core';
import { canRemember, isApplied, MARK_LIMITS, markApplied, originToken } from './applied-marks.ts';
import type { GroupGraph, LookupEdge, OutputEdge, StateContext, StreamEdge } from './group-graph.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import type { Message } from './message.ts';
import type { TableRecord } from './table-record.ts';

/** What the runner needs from a runtime: Kafka (StatefulProcessor) or memory (Tester). */
export interface StatePorts<V> {
  /** Resolves once the partition's state is restored; throws (retriable) when not held here. */
  ready(partition: number): Promise<void>;
  get(partition: number, key: string): TableRecord<V> | undefined;
  /** Persists to the changelog (acknowledged), then to local storage; clears the key's unsaved marks. */
  put(partition: number, key: string, record: TableRecord<V>): Promise<void>;
  /** Failed messages of a key not yet written into its record (see applied-marks.ts). */
  unsaved(partition: number, key: string): Set<string>;
  lookup<T>(edge: LookupEdge<T>, key: string): T | undefined;
  emit(edge: OutputEdge<unknown>, messages: { key: string; value: unknown }[]): Promise<void>;
}

export type StepOutcome = 'applied' | 'duplicate' | 'unchanged';

/**
 * Applies one message to its key's state with an exactly-once effect: one key at a time, a
 * message already applied is skipped (and the mirror repaired), the new state and its marks are
 * written to the changelog before the handler's work counts as done — so before the processor
 * commits the offset. The order and why it is safe are in docs/state.md.
 */
export class StateRunner<V> {
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly graph: GroupGraph<V>,
    private readonly ports: StatePorts<V>,
    private readonly onDuplicate: () => void = () => {},
  ) {}

  async handle(edge: StreamEdge<V>, message: Message<unknown>, signal: AbortSignal): Promise<StepOutcome> {
    const key = message.key;
    if (key === null) throw new ChirpError('DECODE', `${message.topic}: a stateful input needs keyed messages`);
    await this.ports.ready(message.partition);
    return this.mutex.run(`${message.partition}\u0000${key}`, () => this.step(edge, message, key, signal));
  }

  private async step(edge: StreamEdge<V>, message: Message<unknown>, key: string, signal: AbortSignal): Promise<StepOutcome> {
    const { partition } = message;
    const record = this.ports.get(partition, key);
    const unsaved = this.ports.unsaved(partition, key);
    const id = edge.id?.(message.value);
    if (isApplied(record?.marks, unsaved, message, id)) {
      this.onDuplicate();
      if (record) await this.graph.mirror?.([{ key, value: record.value }]);
      return 'duplicate';
    }
    let value = record ? structuredClone(record.value) : undefined;
    const emits = new Map<OutputEdge<unknown>, { key: string; value: unknown }[]>();
    const ctx: StateContext<V> = {
      key,
      partition,
      signal,
      value: () => value,
      setValue: (next) => void (value = next),
      lookup: (lookupEdge, lookupKey) => this.ports.lookup(lookupEdge, lookupKey),
      emit: (out, k, v) => {
        const list = emits.get(out) ?? [];
        list.push({ key: k, value: v });
        emits.set(out, list);
      },
    };
    let persisted = false;
    try {
      await edge.handler(ctx, message);
      for (const [out, list] of emits) await this.ports.emit(out, list);
      if (value === undefined) {
        unsaved.delete(originToken(message));
        return 'unchanged';
      }
      await this.ports.put(partition, key, { value, marks: markApplied(record?.marks, unsaved, message, id) });
      persisted = true;
      await this.graph.mirror?.([{ key, value }]);
      return 'applied';
    } catch (error) {
      // Not in the changelog: remember it failed, so the retry topic's copy is applied even after
      // later messages of the key moved its offset past this one.
      if (persisted) throw error;
      const token = originToken(message);
      if (canRemember(record?.marks, unsaved, token)) unsaved.add(token);
      else if (isChirpError(error) && (error.code === 'NOT_READY' || !error.retriable)) {
        // No room to wait without evicting another pending message: this one goes to the DLQ now.
        throw new ChirpError('NOT_READY', `${key} has ${MARK_LIMITS.pending} messages pending a retry; ${token} is dead-lettered: ${error.message}`, {
          cause: error,
        });
      }
      throw error;
    }
  }
}
