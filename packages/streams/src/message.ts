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

/** One input edge of a processor: a topic, how to read it, what to do with each message. */
export interface Input<T = unknown> {
  topic: string;
  codec: Codec<T>;
  handler: Handler<T>;
}

/** Builds an input edge with its types checked, then erased so edges of different types can sit in one list. */
export function input<T>(topic: string, codec: Codec<T>, handler: Handler<T>): Input {
  return { topic, codec, handler } as unknown as Input;
}
