import type { TaggerEvent, BreakerState } from '@chirp/tagging';
import { Counter, Gauge, Histogram, type Registry } from '@chirp/telemetry';

const BREAKER: Record<BreakerState, number> = { closed: 0, open: 1, 'half-open': 2 };

/** Turns the tagger's events into LLM health metrics (labels from fixed sets only). */
export function taggerMetrics(registry: Registry): (event: TaggerEvent) => void {
  const duration = new Histogram({
    name: 'chirp_llm_request_duration_seconds',
    help: 'Duration of one provider HTTP attempt',
    labelNames: ['provider', 'outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'chirp_llm_errors_total',
    help: 'Failed provider attempts by reason',
    labelNames: ['provider', 'reason'],
    registers: [registry],
  });
  const fallbacks = new Counter({
    name: 'chirp_llm_fallbacks_total',
    help: 'Tweets tagged locally although a provider is configured',
    labelNames: ['reason'],
    registers: [registry],
  });
  const retries = new Counter({ name: 'chirp_llm_retries_total', help: 'Provider attempts retried', labelNames: ['reason'], registers: [registry] });
  const breaker = new Gauge({ name: 'chirp_llm_circuit_state', help: 'Provider circuit breaker: 0 closed, 1 open, 2 half-open', registers: [registry] });
  const tagged = new Counter({
    name: 'chirp_tweets_tagged_total',
    help: 'Tweets tagged, by the provider that answered',
    labelNames: ['provider'],
    registers: [registry],
  });
  breaker.set(0);
  return (event) => {
    switch (event.type) {
      case 'request':
        duration.observe({ provider: 'openai', outcome: event.outcome }, event.durationMs / 1000);
        if (event.outcome !== 'ok') errors.inc({ provider: 'openai', reason: event.outcome });
        break;
      case 'retry':
        retries.inc({ reason: event.reason });
        break;
      case 'fallback':
        fallbacks.inc({ reason: event.reason }, event.tweets);
        break;
      case 'breaker':
        breaker.set(BREAKER[event.to]);
        break;
      case 'tagged':
        tagged.inc({ provider: event.provider }, event.tweets);
        break;
    }
  };
}
