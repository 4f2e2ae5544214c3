import { createSessionSet } from './session-set.ts';

/**
 * The API has no like endpoint yet (a like is only a ranking click), so which tweets a viewer has
 * liked is remembered for the browser session, enough for the heart to stay filled while browsing.
 */
const liked = createSessionSet('liked');

export function isLiked(viewer: string, tweetId: string): boolean {
  return liked.has(`${viewer}|${tweetId}`);
}

export function setLiked(viewer: string, tweetId: string, value: boolean): void {
  if (value) liked.add(`${viewer}|${tweetId}`);
  else liked.delete(`${viewer}|${tweetId}`);
}
