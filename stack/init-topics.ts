// One-shot: creates the system topics (idempotent) and exits. docker compose runs it before the
// workers; `npm start` does the same step in-process.
import { groupTopics, loadConfig, kafkaEnv, systemTopics } from '@chirp/core';
import { createKafka, ensureTopics } from '@chirp/streams';

const config = loadConfig(kafkaEnv);
const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'chirp-init-topics' });
const created = await ensureTopics(kafka, [
  ...systemTopics(config.TOPIC_PREFIX, config.TOPIC_PARTITIONS),
  ...groupTopics(config.TOPIC_PREFIX, config.TOPIC_PARTITIONS),
]);
console.log(created.length ? `created ${created.join(', ')}` : 'all topics present');
