// Follows chirp's tweet stream through the gateway (liiklus protocol) and acks after each record:
// at-least-once, resumes after the last ack. No Kafka client or credentials needed.
//   GATEWAY_TOKEN=<session token or gateway key> node examples/follow-tweets.mjs [group]
import { fileURLToPath, URL } from 'node:url';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const proto = fileURLToPath(new URL('../services/gateway/src/proto/LiiklusService.proto', import.meta.url));
const options = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };
const { LiiklusService } = grpc.loadPackageDefinition(protoLoader.loadSync(proto, options)).com.github.bsideup.liiklus;
const client = new LiiklusService(process.env.GATEWAY_ADDRESS ?? '127.0.0.1:6565', grpc.credentials.createInsecure());
const metadata = new grpc.Metadata();
metadata.set('authorization', `Bearer ${process.env.GATEWAY_TOKEN ?? ''}`);
const topic = process.env.GATEWAY_TOPIC ?? 'twitter.newTweets';
const group = process.argv[2] ?? 'follow-tweets-example';

const subscription = client.Subscribe({ topic, group, auto_offset_reset: 'EARLIEST' }, metadata);
subscription.on('data', ({ assignment }) => {
  console.log(`partition ${assignment.partition} assigned`);
  const records = client.Receive({ assignment, format: 'BINARY' }, metadata);
  records.on('data', ({ record }) => {
    const tweet = JSON.parse(record.value.toString());
    console.log(`[p${assignment.partition}@${record.offset}${record.replay ? ' replay' : ''}] @${tweet.author}: ${tweet.text}`);
    // Ack after handling the record (at-least-once); acking before would be at-most-once.
    records.pause();
    const ack = { topic, group, partition: assignment.partition, offset: record.offset };
    client.Ack(ack, metadata, (error) => (error ? fail(error) : records.resume()));
  });
  records.on('end', () => console.log(`partition ${assignment.partition} moved to another subscriber`));
  records.on('error', fail);
});
subscription.on('error', fail);
process.once('SIGINT', () => (subscription.cancel(), client.close()));

function fail(error) {
  if (error.code === grpc.status.CANCELLED) return;
  console.error(`gateway: ${grpc.status[error.code]}: ${error.details}`);
  process.exit(1);
}
