// Demo data through the public API's path (Kafka), never straight into Redis: users, the
// article's follow graph (john, maria and hanna follow mohammad; hanna follows john) and tweets.
import { followEventSchema, loadConfig, kafkaEnv, newId, topicNames, tweetSchema } from '@chirp/core';
import { createKafka, createProducer, Emitter, jsonCodec } from '@chirp/streams';

const config = loadConfig(kafkaEnv);
const topics = topicNames(config.TOPIC_PREFIX);
const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'chirp-seed' });
const producer = createProducer(kafka);
await producer.connect();
const follows = new Emitter({ producer, topic: topics.follows, codec: jsonCodec(followEventSchema) });
const tweets = new Emitter({ producer, topic: topics.newTweets, codec: jsonCodec(tweetSchema) });

const graph: [string, string][] = [
  ['john', 'mohammad'], ['maria', 'mohammad'], ['hanna', 'mohammad'], ['hanna', 'john'],
  ['mohammad', 'maria'], ['alex', 'mohammad'], ['alex', 'hanna'],
];
const at = new Date().toISOString();
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
console.log(`seeded ${graph.length} follows and ${texts.length} tweets (through Kafka)`);
