import type { ZodType } from 'zod';
import { ChirpError } from '@chirp/core';
import type { Codec } from './codec.ts';
import type { Message } from './message.ts';

/** A table read as a local view by a processor (goka's Lookup): e.g. tweet id → tags. */
export interface LookupEdge<T> {
  readonly kind: 'lookup';
  readonly topic: string;
  readonly codec: Codec<T>;
}

/** A topic a processor emits to (goka's Output). */
export interface OutputEdge<T> {
  readonly kind: 'output';
  readonly topic: string;
  readonly codec: Codec<T>;
}

/** What a stateful handler sees (goka's Context): the message key's state, lookups, emits. */
export interface StateContext<V> {
  readonly key: string;
  readonly partition: number;
  /** Aborts when the processor is closing. */
  readonly signal: AbortSignal;
  /** The key's current state (a copy: change it through setValue). */
  value(): V | undefined;
  /** The key's next state, persisted to the changelog once the handler returns. */
  setValue(value: V): void;
  lookup<T>(edge: LookupEdge<T>, key: string): T | undefined;
  /** Sent once the handler returns, before the state is persisted (at-least-once). */
  emit<T>(edge: OutputEdge<T>, key: string, value: T): void;
}

export type StateHandler<V, T> = (ctx: StateContext<V>, message: Message<T>) => Promise<void> | void;

/** An input stream of a stateful group (goka's Input), keyed like the group table. */
export interface StreamEdge<V> {
  readonly kind: 'stream';
  readonly topic: string;
  readonly codec: Codec<unknown>;
  readonly handler: StateHandler<V, unknown>;
  /** The event's own id, to recognise the same event produced twice (see applied-marks.ts). */
  readonly id?: (value: unknown) => string;
}

/**
 * A stateful processor group (goka's DefineGroup): inputs keyed by the table key, the table's
 * value schema (persisted to `<group>-table`), lookups and outputs. The same definition runs on
 * Kafka (StatefulProcessor) and in memory (Tester).
 */
export interface GroupGraph<V> {
  group: string;
  inputs: StreamEdge<V>[];
  /** Schema of a key's state; the changelog record wraps it with the applied marks. */
  table: ZodType<V>;
  lookups?: LookupEdge<unknown>[];
  outputs?: OutputEdge<unknown>[];
  /**
   * Keeps an external copy of the table (e.g. Redis) in step: called after every persisted
   * change, for a redelivered message (repairing a copy a crash left behind) and with every key of
   * a partition after it is restored. Must write absolute values, so calling it twice is harmless.
   */
  mirror?: (entries: { key: string; value: V }[]) => Promise<void>;
}

export function stream<V, T>(topic: string, codec: Codec<T>, handler: StateHandler<V, T>, options: { id?: (value: T) => string } = {}): StreamEdge<V> {
  return { kind: 'stream', topic, codec, handler, id: options.id } as unknown as StreamEdge<V>;
}

export function lookup<T>(topic: string, codec: Codec<T>): LookupEdge<T> {
  return { kind: 'lookup', topic, codec };
}

export function output<T>(topic: string, codec: Codec<T>): OutputEdge<T> {
  return { kind: 'output', topic, codec };
}

/** Checks a definition once, at start, naming what is wrong. */
export function defineGroup<V>(graph: GroupGraph<V>): GroupGraph<V> {
  if (!graph.group) throw new ChirpError('CONFIG', 'group is required');
  if (graph.inputs.length === 0) throw new ChirpError('CONFIG', `group ${graph.group}: inputs must name at least one topic`);
  const topics = [...graph.inputs, ...(graph.lookups ?? []), ...(graph.outputs ?? [])].map((e) => e.topic);
  const twice = topics.find((t, i) => topics.indexOf(t) !== i);
  if (twice) throw new ChirpError('CONFIG', `group ${graph.group}: topic ${twice} is named twice`);
  return graph;
}
