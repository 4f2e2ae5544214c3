import type { Tweet } from '@chirp/core';
import { userName } from './pipeline-graph.ts';
import { prng } from './pipeline-stats.ts';

/** Varied everyday texts, so the local tagger does realistic work (tags hit and miss). */
export const TEXTS = [
  'Just finished a new novel, book club meets on Friday',
  'Homemade pasta tonight with fresh basil from the garden',
  'Morning ride: 40 km along the river on the new bike',
  'Watched the derby last night, what a goal in the 90th minute',
  'Trying out a new camera lens at golden hour',
  'Our cat learned to open the fridge. Send help',
  'Deploying on a Friday again, wish me luck',
  'The new phone battery lasts two days, impressive',
  'Concert tickets sold out in four minutes, unbelievable',
  'Rainy Sunday, coffee and a long documentary about whales',
  'Finally ran my first half marathon under two hours',
  'Election debate tonight, expecting fireworks',
  'New album dropped at midnight and it is a masterpiece',
  'Learning Rust this month, the borrow checker and I are not friends yet',
  'Flight delayed three hours, airport sushi it is',
  'Stock market is wild today, glad I did not check my portfolio',
  'Baked sourdough for the first time and it actually rose',
  'Kids built a blanket fort that takes up the whole living room',
  'Climate march downtown this afternoon, bring water',
  'Season finale left me speechless, no spoilers please',
];

/**
 * Tweet ids that carry their phase and creation time: `b<phase>-<ms base36>-<seq base36>`, valid
 * for tweetSchema and the API's id pattern. A delivery event then dates itself, without a lookup.
 */
export function benchTweetId(phase: number, createdMs: number, seq: number): string {
  return `b${phase}-${createdMs.toString(36)}-${seq.toString(36)}`;
}

export function parseBenchTweetId(id: string): { phase: number; createdMs: number } | undefined {
  const m = /^b(\d+)-([0-9a-z]+)-[0-9a-z]+$/.exec(id);
  return m ? { phase: Number(m[1]), createdMs: parseInt(m[2]!, 36) } : undefined;
}

/** Authors uniform over users: the expected fan-out of a tweet is then the mean follower count. */
export function tweetFactory(users: number, seed: number): (phase: number, now: number) => Tweet {
  const random = prng(seed);
  let seq = 0;
  return (phase, now) => ({
    id: benchTweetId(phase, now, seq++),
    author: userName(Math.floor(random() * users)),
    text: `${TEXTS[Math.floor(random() * TEXTS.length)]!} #${seq % 97}`,
    createdAt: new Date(now).toISOString(),
  });
}
