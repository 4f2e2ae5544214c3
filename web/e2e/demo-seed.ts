import { waitFor } from '../../packages/testkit/src/wait.ts';
import type { ApiClient, ApiTweet } from './api-client.ts';

/** Whose screens the screenshots show. */
export const DEMO_VIEWER = 'maria';

/** A small, realistic graph: the viewer follows four people, and two of them follow her back. */
const FOLLOWS: readonly [string, string][] = [
  ['maria', 'john'],
  ['maria', 'hanna'],
  ['maria', 'mohammad'],
  ['maria', 'li_wei'],
  ['john', 'maria'],
  ['hanna', 'maria'],
  ['hanna', 'john'],
  ['mohammad', 'john'],
];

/** Oldest first; worded so the local tagger has something to tag. */
const TWEETS: readonly [string, string][] = [
  ['li_wei', 'Saving up for a trip to Kyoto next spring. Tips for quiet temples and good ramen welcome ✈️'],
  ['john', 'Finished The Left Hand of Darkness on the train this morning. Le Guin never misses 📚'],
  ['mohammad', 'Fixed-gear commute in the rain: 12 km, one flat tyre, zero regrets 🚲'],
  ['hanna', 'Our cat has claimed the new sofa. We live here now, apparently 🐈'],
  ['maria', 'First week on the new team. Timeline fan-out on Kafka and Redis is simpler than it looks.'],
  ['john', 'Anyone else playing the new Zelda? 40 hours in and I have not touched the main quest 🎮'],
  ['li_wei', 'Morning hike up to the lake, 14 km and not a cloud in the sky. Best trail in the valley 🏔️'],
  ['hanna', 'Sourdough attempt number four: finally an open crumb. Recipe and baking times in the replies 🍞'],
  ['mohammad', 'New synth album on repeat all afternoon. That bassline in track three 🎧'],
  ['john', 'Rewatched Blade Runner at the cinema last night. The soundtrack still gives me chills 🎬'],
];

/** Posted while the home page is open, so the screenshot shows the live "1 new tweet" banner. */
export const LIVE_TWEETS: readonly [string, string][] = [
  ['hanna', 'Farmers market haul: heirloom tomatoes, basil and far too many peaches 🍑'],
  ['li_wei', 'Golden hour on the ridge. Worth every step of the climb 📷'],
];

/**
 * Seeds the graph, waits until the graph worker applied it (so fan-out reaches the viewer), then
 * posts the tweets and waits until all of them are in the viewer's timeline.
 */
export async function seedDemo(api: ApiClient): Promise<ApiTweet[]> {
  for (const [user, target] of FOLLOWS) await api.follow(user, target);
  await waitFor(async () => (await api.profile(DEMO_VIEWER)).following === 4 && (await api.profile('john')).followers === 3, {
    timeoutMs: 30_000,
    what: 'the demo follow graph to be applied',
  });
  const posted: ApiTweet[] = [];
  for (const [author, text] of TWEETS) posted.push(await api.postTweet(author, text));
  await waitFor(
    async () => {
      const ids = new Set((await api.timeline(DEMO_VIEWER)).map((t) => t.id));
      return posted.every((t) => ids.has(t.id));
    },
    { timeoutMs: 30_000, what: `every demo tweet in @${DEMO_VIEWER}'s timeline` },
  );
  return posted;
}

/**
 * Issue 18's side of the demo, after seedDemo: replies under hanna's sourdough tweet (one of them
 * answered in turn), likes and two retweets of it, and a mention and a like for the viewer. Returns
 * the sourdough tweet (the thread screenshot) once the replies and the viewer's notifications are in.
 */
export async function seedSocial(api: ApiClient, posted: readonly ApiTweet[]): Promise<ApiTweet> {
  const sourdough = posted.find((t) => t.text.startsWith('Sourdough'));
  const mine = posted.find((t) => t.author === DEMO_VIEWER);
  if (!sourdough || !mine) throw new Error('the demo tweets were not seeded');
  await api.reply('hanna', sourdough.id, '500 g flour, 350 g water, 100 g starter, 10 g salt. 45 min at 240 °C, lid on for the first 20.');
  await api.reply(DEMO_VIEWER, sourdough.id, 'That crumb! Saving this for the weekend.');
  await api.reply('john', sourdough.id, 'Mine always comes out flat. Is it the starter?');
  for (const user of ['john', 'mohammad', 'li_wei', DEMO_VIEWER]) await api.like(user, sourdough.id);
  for (const user of ['john', 'mohammad']) await api.retweet(user, sourdough.id);
  await api.like('hanna', mine.id);
  await api.like('john', mine.id);
  await api.postTweet('john', `@${DEMO_VIEWER} welcome to the team! Lunch on Friday?`);
  await waitFor(async () => (await api.thread(sourdough.id)).replies.length === 3, {
    timeoutMs: 30_000,
    what: 'the three replies stored under the sourdough tweet',
  });
  await waitFor(async () => (await api.notifications(DEMO_VIEWER)).notifications.length >= 3, {
    timeoutMs: 30_000,
    what: `@${DEMO_VIEWER}'s notifications (a reply, likes, a mention)`,
  });
  return sourdough;
}
