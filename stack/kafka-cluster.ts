import { join } from 'node:path';
import { ensureKafkaDist, randomClusterId, startBroker, type BrokerOptions } from './kafka-broker.ts';
import type { Managed } from './process.ts';

export interface KafkaClusterOptions {
  /** Broker n (0-based) listens on basePort + 2n, its controller on basePort + 2n + 1. */
  basePort: number;
  /** Each node's data under `<stateDir>/kafka-<id>`, its log in `<logDir>/kafka-<id>.log`. */
  stateDir: string;
  logDir: string;
  nodes?: number;
  heap?: string;
  /** Kafka's leader.imbalance.check.interval.seconds (default 300). */
  leaderRebalanceSeconds?: number;
}

export interface KafkaCluster {
  /** `KAFKA_BROKERS` for every process: all nodes, comma-separated. */
  brokers: string;
  nodes: { id: number; address: string; process: Managed }[];
  /** Starts node `index` again from its data (after a kill -9), waiting until it answers. */
  restart(index: number): Promise<Managed>;
  stop(): Promise<void>;
}

export const brokerPort = (basePort: number, index: number): number => basePort + 2 * index;

/**
 * A KRaft cluster on one machine: `nodes` java processes, each broker and controller (combined
 * mode, a quorum of all of them), topics replicated to every node with min.insync.replicas one
 * less. The nodes start together: none is ready before a majority of the quorum answers.
 */
export async function startKafkaCluster(o: KafkaClusterOptions, log: (line: string) => void): Promise<KafkaCluster> {
  const count = o.nodes ?? 3;
  const lib = ensureKafkaDist(log);
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  const voters = ids.map((id, i) => `${id}@127.0.0.1:${brokerPort(o.basePort, i) + 1}`).join(',');
  const clusterId = randomClusterId(lib); // ignored by a node whose storage is already formatted
  const heap = o.heap ?? process.env.KAFKA_HEAP_OPTS ?? '-Xms256m -Xmx512m';
  const options: BrokerOptions[] = ids.map((id, i) => ({
    dataDir: join(o.stateDir, `kafka-${id}`),
    logFile: join(o.logDir, `kafka-${id}.log`),
    port: brokerPort(o.basePort, i),
    controllerPort: brokerPort(o.basePort, i) + 1,
    heap,
    readyTimeoutMs: 240_000,
    cluster: { nodeId: id, voters, clusterId, replicationFactor: Math.min(3, count), leaderRebalanceSeconds: o.leaderRebalanceSeconds },
  }));
  const settled = await Promise.allSettled(options.map((b) => startBroker(b, log)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.stop()] : [])));
    throw failed.reason;
  }
  const nodes = ids.map((id, i) => ({
    id,
    address: `127.0.0.1:${brokerPort(o.basePort, i)}`,
    process: (settled[i] as PromiseFulfilledResult<Managed>).value,
  }));
  return {
    brokers: nodes.map((n) => n.address).join(','),
    nodes,
    async restart(index) {
      const node = nodes[index]!;
      await node.process.stop();
      node.process = await startBroker(options[index]!, log);
      return node.process;
    },
    stop: async () => void (await Promise.all(nodes.map((n) => n.process.stop()))),
  };
}
