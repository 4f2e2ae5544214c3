import type { TaggerEvent } from '../../src/index.ts';

/** Collects tagger events, to assert on what the worker would have turned into metrics. */
export function recordEvents(): {
  events: TaggerEvent[];
  onEvent: (e: TaggerEvent) => void;
  of<K extends TaggerEvent['type']>(type: K): Array<Extract<TaggerEvent, { type: K }>>;
} {
  const events: TaggerEvent[] = [];
  return {
    events,
    onEvent: (e) => events.push(e),
    of: (type) => events.filter((e) => e.type === type) as never,
  };
}
