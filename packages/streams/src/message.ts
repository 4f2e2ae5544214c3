import type { Codec } from './codec.ts';

export interface Message<T> {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: T;
  /** Broker timestamp in ms. */
  timestamp: number;
  headers: Record<string, string>;
}

export interface HandlerContext {
  /** Aborts when the processor is closing: long handlers should stop early and throw. */
  signal: AbortSignal;
  /** Keeps the group session alive during long work. */
  heartbeat(): Promise<void>;
}

export type Handler<T> = (message: Message<T>, context: HandlerContext) => Promise<void>;

/**
 * Handles a batch: consecutive decoded messages of one partition, in offset order. It must be
 * idempotent over the whole batch: the processor may hand it again whole (after a dependency
 * outage) or split into batches of one (to isolate a message that keeps failing).
 */
export type BatchHandler<T> = (messages: readonly Message<T>[], context: HandlerContext) => Promise<void>;

/** One input edge of a processor: a topic, how to read it, what to do with its messages. */
export interface Input<T = unknown> {
  topic: string;
  codec: Codec<T>;
  /** Batch-first: every edge is a batch handler; `input()` wraps a per-message one. */
  handleBatch: BatchHandler<T>;
  /**
   * Called once a decoded message of this edge was written to the DLQ, before its offset is
   * committed. A stateful input uses it to forget the message was pending; an error is logged.
   */
  onDeadLetter?: (message: Message<T>) => Promise<void>;
}

/** Builds an input edge with its types checked, then erased so edges of different types can sit in one list. */
export function batchInput<T>(topic: string, codec: Codec<T>, handleBatch: BatchHandler<T>): Input {
  return { topic, codec, handleBatch } as unknown as Input;
}

/** A per-message edge: the batch is handled one message after another, in order. */
export function input<T>(topic: string, codec: Codec<T>, handler: Handler<T>): Input {
  return batchInput(topic, codec, async (messages, context) => {
    for (const message of messages) await handler(message, context);
  });
}
