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
  /**
   * Asked when a click finds no verdict: throws a dependency error (UPSTREAM) while the verdict may
   * still come (`TaggerProgress.check`). Without it, a missing verdict is always the message's failure.
   */
  verdictPending?: (tweetId: string, clickAt: string) => Promise<void>;
}

export interface AnalyticsGroup {
  graph: GroupGraph<UserState>;
  tags: LookupEdge<TweetTags>;
}

/**
 * The analytics group: clicks keyed by user, joined with the tweet's tags (lookup of the compacted
 * twitter.tweetTags), folded into the user's state. A click that finds no verdict asks
 * `verdictPending` first: while the tagger has not reached the click's time, or the lookup is
 * behind twitter.tweetTags, the verdict is on its way, and the click waits like any dependency
 * failure (UPSTREAM: the partition pauses and probes, offsets kept, however long the tagger is
 * away). Only when the tagger is past the tweet and no verdict came does the click fail as a
 * message, NOT_READY: the group's retry topic after its delay, for the configured rounds, then the
 * DLQ (replayable). The API refuses clicks on tweets that do not exist, so only a producer that
 * bypasses it sends those.
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
        async (ctx, { value: click }) => {
          if (click.user !== ctx.key) throw new ChirpError('VALIDATION', `click ${click.clickId} of ${click.user} keyed by ${ctx.key}`);
          let verdict = ctx.lookup(tags, click.tweetId);
          if (!verdict && o.verdictPending) {
            await o.verdictPending(click.tweetId, click.at);
            verdict = ctx.lookup(tags, click.tweetId); // the lookup may have read it meanwhile
          }
          if (!verdict) throw new ChirpError('NOT_READY', `tweet ${click.tweetId} is not tagged, and the tagger is past it`, { retriable: true });
          ctx.setValue(applyClick(ctx.value(), click, verdict.tags, o.model));
          o.observeLatency?.(click.at);
        },
        { id: (click) => click.clickId },
      ),
    ],
  });
  return { graph, tags };
}
