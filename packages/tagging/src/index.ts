export { createTagger, type Tagger, type TagResult, type TweetToTag } from './create-tagger.ts';
export { createLocalTagger, type LocalTagger, type LocalTaggerOptions, type GroupScore } from './local-tagger.ts';
export { createCircuitBreaker, type CircuitBreaker, type BreakerPermit } from './circuit-breaker.ts';
export { normalizeTags, toTag } from './normalize-tags.ts';
export { TAG_GROUPS, GROUP_NAMES, groupOf, type TagGroup } from './tag-groups.ts';
export { TAGGER_DEFAULTS, BREAKER_DEFAULTS, taggerOptionsFromEnv, type TaggerOptions, type CircuitBreakerOptions } from './options.ts';
export type { TaggerEvent, TaggerEventListener, Provider, BreakerState, RequestOutcome, RetryReason, FallbackReason } from './events.ts';
