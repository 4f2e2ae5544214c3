import { ChirpError, clickSchema, tweetTagsSchema, type Click, type TweetTags } from '@chirp/core';
import { defineGroup, jsonCodec, lookup, stream, type GroupGraph, type LookupEdge } from '@chirp/streams';
import { applyClick, userStateSchema, type AffinityModel, type UserState } from '@chirp/analytics';

export interface AnalyticsGroupOptions {
  group: string;
  clicksTopic: string;
  tweetTagsTopic: string;
  model: AffinityModel;
  /** Keeps the Redis copy in step (absolute values). */
  mirror?: (entries: { key: string; value: UserState }[]) => Promise<void>;
  /** Observes a click's end-to-end latency once it is applied (`e2eObserver` of `@chirp/worker`). */
  observeLatency?: (at: string) => void;
}

export interface AnalyticsGroup {
  graph: GroupGraph<UserState>;
  tags: LookupEdge<TweetTags>;
}

/**
 * The analytics group: clicks keyed by user, joined with the tweet's tags (lookup of the compacted
 * twitter.tweetTags), folded into the user's state. A click on a tweet the tagger has not tagged
 * yet fails with NOT_READY, a failure of the message (not UPSTREAM, which the failure policy treats
 * as an outage and would pause the partition for): it goes to the group's retry topic at once and
 * is tried after its delay, for the configured rounds, then dead-lettered (replayable). The API
 * refuses clicks on tweets that do not exist, so only a producer that bypasses it sends those.
 */
export function analyticsGroup(o: AnalyticsGroupOptions): AnalyticsGroup {
  const tags = lookup(o.tweetTagsTopic, jsonCodec(tweetTagsSchema));
  const graph = defineGroup<UserState>({
    group: o.group,
    table: userStateSchema,
    lookups: [tags],
    mirror: o.mirror,
    inputs: [
      stream<UserState, Click>(
        o.clicksTopic,
        jsonCodec(clickSchema),
        (ctx, { value: click }) => {
          if (click.user !== ctx.key) throw new ChirpError('VALIDATION', `click ${click.clickId} of ${click.user} keyed by ${ctx.key}`);
          const verdict = ctx.lookup(tags, click.tweetId);
          if (!verdict) throw new ChirpError('NOT_READY', `tweet ${click.tweetId} is not tagged yet`, { retriable: true });
          ctx.setValue(applyClick(ctx.value(), click, verdict.tags, o.model));
          o.observeLatency?.(click.at);
        },
        { id: (click) => click.clickId },
      ),
    ],
  });
  return { graph, tags };
}
