import type { AppNotification } from './types.ts';

const VERB: Record<AppNotification['kind'], string> = {
  mention: 'mentioned you',
  reply: 'replied to your tweet',
  like: 'liked your tweet',
  retweet: 'retweeted your tweet',
  follow: 'followed you',
};

/** "maria", "maria and hanna", "maria and 3 others" + the verb (Stream-Framework's aggregated wording). */
export function notificationText(n: AppNotification): string {
  const [first = 'someone', second] = n.actors;
  const others = n.count - 1;
  const who = others <= 0 ? `@${first}` : others === 1 && second ? `@${first} and @${second}` : `@${first} and ${others} others`;
  return `${who} ${VERB[n.kind]}`;
}
