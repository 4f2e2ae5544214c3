// Demo data through the public API's path (Kafka), never straight into Redis: accounts, the
// article's follow graph (john, maria and hanna follow mohammad; hanna follows john) and tweets.
//
//   npm run seed                                        # demo accounts (one printed password), follows, tweets
//   npm run seed -- --followers 100000 --author <h>     # bulk: N follower accounts of <h> (for benchmarks)
import { parseArgs } from 'node:util';
import { accountEventSchema, followEventSchema, handleSchema, loadConfig, kafkaEnv, newId, topicNames, tweetSchema, type AccountEvent } from '@chirp/core';
import { hashPassword, UNUSABLE_PASSWORD } from '@chirp/accounts';
import { createKafka, createProducer, Emitter, jsonCodec } from '@chirp/streams';

/** Every demo account signs in with this; it is printed, so nobody mistakes it for a secret. */
export const DEMO_PASSWORD = 'chirp-demo-password';
const DEMO_USERS = ['mohammad', 'john', 'maria', 'hanna', 'alex'];
const BATCH = 5000;

const { values: args } = parseArgs({ options: { followers: { type: 'string' }, author: { type: 'string' } } });
const config = loadConfig(kafkaEnv);
const topics = topicNames(config.TOPIC_PREFIX);
const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'chirp-seed' });
const producer = createProducer(kafka);
await producer.connect();
const accounts = new Emitter({ producer, topic: topics.accounts, codec: jsonCodec(accountEventSchema) });
const follows = new Emitter({ producer, topic: topics.follows, codec: jsonCodec(followEventSchema) });
const tweets = new Emitter({ producer, topic: topics.newTweets, codec: jsonCodec(tweetSchema) });
const at = new Date().toISOString();
const signUp = (a: AccountEvent): { key: string; value: AccountEvent } => ({ key: a.handle.toLowerCase(), value: a });

if (args.followers !== undefined) {
  // Bulk: one account event and one follow per follower, in batches of BATCH per produce. The
  // accounts get an unusable password (no KDF per account): they exist to be followers, not to sign in.
  const n = Number(args.followers);
  const author = handleSchema.safeParse(args.author);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--followers must be a positive integer, got ${args.followers}`);
  if (!author.success) throw new Error('--author must be a handle (1-32 letters, digits or _)');
  const t0 = Date.now();
  const stem = author.data.slice(0, 20);
  for (let from = 0; from < n; from += BATCH) {
    const handles = Array.from({ length: Math.min(BATCH, n - from) }, (_, i) => `${stem}_f${from + i}`);
    await accounts.emitMany(handles.map((handle) => signUp({ handle, passwordHash: UNUSABLE_PASSWORD, requestId: 'seed-bulk', createdAt: at })));
    await follows.emitMany(handles.map((user) => ({ key: `${user}|${author.data}`, value: { user, target: author.data, action: 'follow' as const, at } })));
  }
  await producer.disconnect();
  console.log(`seeded ${n} follower accounts of ${author.data} (unusable password) and their follows through Kafka in ${Date.now() - t0} ms`);
  process.exit(0);
}

const passwordHash = await hashPassword(DEMO_PASSWORD);
await accounts.emitMany(DEMO_USERS.map((handle) => signUp({ handle, passwordHash, requestId: 'seed-demo', createdAt: at })));

const graph: [string, string][] = [
  ['john', 'mohammad'],
  ['maria', 'mohammad'],
  ['hanna', 'mohammad'],
  ['hanna', 'john'],
  ['mohammad', 'maria'],
  ['alex', 'mohammad'],
  ['alex', 'hanna'],
];
await follows.emitMany(graph.map(([user, target]) => ({ key: `${user}|${target}`, value: { user, target, action: 'follow' as const, at } })));

const texts: [string, string][] = [
  ['mohammad', 'Hello, Kafka! First tweet through the pipeline.'],
  ['john', 'Just finished a new novel, book club meets on Friday 📚'],
  ['maria', 'Homemade pasta tonight with fresh basil from the garden 🍝'],
  ['hanna', 'Morning ride: 40 km along the river on the new bike 🚴'],
  ['mohammad', 'Scaling fan-out to a million followers on two cores. Benchmarks soon.'],
  ['alex', 'Watched the derby last night, what a goal in the 90th minute ⚽'],
  ['john', 'Trying out a new camera lens at golden hour 📷'],
  ['maria', 'Our cat learned to open the fridge. Send help 🐱'],
];
const base = Date.now() - texts.length * 60_000;
await tweets.emitMany(
  texts.map(([author, text], i) => {
    const createdAt = new Date(base + i * 60_000).toISOString();
    return { key: author, value: { id: newId(), author, text, createdAt }, timestamp: Date.parse(createdAt) };
  }),
);
await producer.disconnect();
console.log(`seeded ${DEMO_USERS.length} accounts (${DEMO_USERS.join(', ')}), ${graph.length} follows and ${texts.length} tweets (through Kafka)`);
console.log(`demo password for every account: ${DEMO_PASSWORD}`);
