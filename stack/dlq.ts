// `npm run dlq -- list <group>` / `npm run dlq -- replay <group>`: a group's dead letters, and moving
// them back once their cause is fixed. <group> is a worker name (fanout) or a full group id.
import { groupId, kafkaEnv, loadConfig } from '@chirp/core';
import { createKafka } from '@chirp/streams';
import { createLogger } from '@chirp/telemetry';
import { listDeadLetters, replayDeadLetters } from './dlq-tool.ts';

const [action, group] = process.argv.slice(2);
if ((action !== 'list' && action !== 'replay') || !group) {
  console.error(
    'usage: npm run dlq -- list <group> | npm run dlq -- replay <group>   (group: saver, fanout, tagger, graph, analytics, notify or a full group id)',
  );
  process.exit(2);
}
const config = loadConfig(kafkaEnv);
const id = group.startsWith(config.TOPIC_PREFIX) && config.TOPIC_PREFIX !== '' ? group : groupId(config.TOPIC_PREFIX, group);
const options = { kafka: createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'chirp-dlq' }), groupId: id, logger: createLogger('dlq', 'warn') };
if (action === 'list') {
  const letters = await listDeadLetters(options);
  for (const l of letters) {
    const origin = `${l.originalTopic}[${l.originalPartition}]@${l.originalOffset}`;
    console.log(`${l.replayed ? 'replayed' : 'pending '} ${id}.dlq[${l.partition}]@${l.offset} from ${origin} key=${l.key ?? '-'} ${l.errorCode}: ${l.error}`);
    console.log(`         ${l.value.length > 200 ? `${l.value.slice(0, 200)}…` : l.value}`);
  }
  const pending = letters.filter((l) => !l.replayed).length;
  console.log(`${letters.length} dead letters in ${id}.dlq, ${pending} not replayed`);
} else {
  const { replayed, skipped } = await replayDeadLetters(options);
  console.log(`replayed ${replayed} dead letters of ${id}.dlq to ${id}.retry (${skipped} replayed before, left alone)`);
}
