import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Admin } from 'kafkajs';
import { ensureKafkaTools } from '@chirp/stack/kafka-broker';

export interface ProducerPerfResult {
  records: number;
  recordSize: number;
  recordsPerSec: number;
  mbPerSec: number;
  avgLatencyMs: number;
  p50Ms: number;
  p99Ms: number;
  maxLatencyMs: number;
  command: string;
}

const SUMMARY =
  /(\d+) records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\), ([\d.]+) ms avg latency, ([\d.]+) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th/;

/**
 * Kafka's own producer benchmark (`org.apache.kafka.tools.ProducerPerformance`, kafka-tools of the
 * broker's version from Maven Central) on the same broker, a topic with the same partitions and
 * records of the size chirp's tweets have, acks=all as chirp publishes: the broker's limit for
 * chirp's publish path, measured in the same run.
 */
export async function producerPerformance(o: {
  brokers: string;
  admin: Admin;
  topic: string;
  partitions: number;
  records: number;
  recordSize: number;
  log: (line: string) => void;
}): Promise<ProducerPerfResult> {
  const lib = ensureKafkaTools(o.log);
  await o.admin.createTopics({ topics: [{ topic: o.topic, numPartitions: o.partitions, replicationFactor: 1 }], waitForLeaders: true });
  const args = [
    '-Xmx256m',
    '-cp',
    join(lib, '*'),
    'org.apache.kafka.tools.ProducerPerformance',
    '--topic',
    o.topic,
    '--num-records',
    String(o.records),
    '--record-size',
    String(o.recordSize),
    '--throughput',
    '-1',
    '--producer-props',
    `bootstrap.servers=${o.brokers}`,
    'acks=all',
  ];
  o.log(`› Kafka ProducerPerformance: ${o.records.toLocaleString('en-US')} records of ${o.recordSize} bytes, acks=all, ${o.partitions} partitions…`);
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const m = SUMMARY.exec(
    out
      .split('\n')
      .filter((l) => SUMMARY.test(l))
      .pop() ?? '',
  );
  if (!m) throw new Error(`ProducerPerformance exited with ${code} without a summary:\n${out.slice(-2000)}`);
  const n = (i: number): number => Number(m[i]);
  return {
    records: n(1),
    recordSize: o.recordSize,
    recordsPerSec: n(2),
    mbPerSec: n(3),
    avgLatencyMs: n(4),
    maxLatencyMs: n(5),
    p50Ms: n(6),
    p99Ms: n(8),
    command: `java -cp kafka-tools-<version>/lib/* ${args.slice(4).join(' ')}`,
  };
}
