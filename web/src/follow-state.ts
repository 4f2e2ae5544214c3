import type { UserProfile } from './types.ts';

/**
 * Follows are eventually consistent: the API accepts the write and a worker applies it from Kafka
 * later, so a refetch right after may still show the old state. The page keeps the person's intent
 * until the server agrees, and derives what to show from both.
 */
export interface FollowView {
  follows: boolean;
  followers: number;
  /** The server already reflects the intent (or there is none): the optimistic layer can go. */
  settled: boolean;
}

export function followView(profile: UserProfile, intent: boolean | null): FollowView {
  const server = profile.viewerFollows === true;
  if (intent === null || intent === server) return { follows: server, followers: profile.followers, settled: true };
  return { follows: intent, followers: Math.max(0, profile.followers + (intent ? 1 : -1)), settled: false };
}
