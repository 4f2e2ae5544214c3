import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Cluster } from 'ioredis';
import { startRedis } from './redis-server.ts';
import type { Managed } from './process.ts';
import { waitFor } from './wait.ts';

export interface RedisClusterOptions {
  /** Node n listens on basePort + n (and its cluster bus on that + 10000). */
  basePort: number;
  stateDir: string;
  logDir: string;
  masters?: number;
  replicasPerMaster?: number;
}

export interface RedisClusterNode {
  port: number;
  address: string;
  process: Managed;
}

export interface RedisCluster {
  /** `REDIS_CLUSTER_NODES` for every process: every node, comma-separated `host:port`. */
  nodes: string;
  members: RedisClusterNode[];
  /** The address of a node that is a master now (CLUSTER NODES of a live node), e.g. to kill it. */
  currentMaster(): string;
  /**
   * Starts a stopped (killed) member again on its port and data: it rejoins from its nodes.conf, as
   * a replica of the node that took its slots over.
   */
  restart(address: string): Promise<RedisClusterNode>;
  stop(): Promise<void>;
}

/**
 * Redis Cluster on one machine: `masters × (1 + replicasPerMaster)` redis-server processes with
 * `--cluster-enabled yes` and AOF, joined once by `redis-cli --cluster create` (a restart reuses
 * each node's nodes.conf), then waited on until every slot is served and every replica is linked.
 */
export async function startRedisCluster(o: RedisClusterOptions): Promise<RedisCluster> {
  const masters = o.masters ?? 3;
  const replicas = o.replicasPerMaster ?? 1;
  const ports = Array.from({ length: masters * (1 + replicas) }, (_, i) => o.basePort + i);
  const members: RedisClusterNode[] = [];
  const stop = async (): Promise<void> => void (await Promise.all(members.map((m) => m.process.stop())));
  try {
    const fresh = !existsSync(join(o.stateDir, `redis-${ports[0]}`, 'nodes.conf'));
    const startNode = (port: number): Promise<Managed> =>
      startRedis({
        dataDir: join(o.stateDir, `redis-${port}`),
        logFile: join(o.logDir, `redis-${port}.log`),
        port,
        extraArgs: ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '3000'],
        name: `redis-${port}`,
      });
    for (const port of ports) members.push({ port, address: `127.0.0.1:${port}`, process: await startNode(port) });
    if (fresh) {
      const res = spawnSync('redis-cli', ['--cluster', 'create', ...members.map((m) => m.address), '--cluster-replicas', String(replicas), '--cluster-yes'], {
        encoding: 'utf8',
      });
      if (res.status !== 0) throw new Error(`redis-cli --cluster create failed: ${res.stdout}${res.stderr}`);
    }
    await waitFor(
      () =>
        clusterHealthy(
          members.map((m) => m.address),
          masters,
          replicas,
        ),
      'Redis Cluster to serve every slot',
      60_000,
      250,
    );
    const currentMaster = (): string => {
      for (const m of members) {
        const res = spawnSync('redis-cli', ['-p', String(m.port), 'cluster', 'nodes'], { encoding: 'utf8' });
        if (res.status !== 0 || !res.stdout) continue;
        // <id> <ip:port@bus> <flags> <master> <ping> <pong> <epoch> <link> <slots…>
        for (const fields of res.stdout.split('\n').map((l) => l.split(' '))) {
          const flags = (fields[2] ?? '').split(',');
          if (flags.includes('master') && !flags.some((f) => f.startsWith('fail')) && fields[7] === 'connected' && fields.length > 8)
            return fields[1]!.split('@')[0]!;
        }
      }
      throw new Error('no live Redis Cluster node answers CLUSTER NODES');
    };
    const restart = async (address: string): Promise<RedisClusterNode> => {
      const member = members.find((m) => m.address === address);
      if (!member) throw new Error(`${address} is not a member of this Redis Cluster`);
      member.process = await startNode(member.port);
      return member;
    };
    return { nodes: members.map((m) => m.address).join(','), members, currentMaster, restart, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Every slot served (cluster_state:ok), the expected masters, each with its replicas linked. */
export async function clusterHealthy(nodes: string[], masters: number, replicasPerMaster: number): Promise<boolean> {
  for (const address of nodes) {
    const [host, port] = address.split(':');
    const info = spawnSync('redis-cli', ['-h', host!, '-p', port!, 'cluster', 'info'], { encoding: 'utf8' }).stdout ?? '';
    if (!info.includes('cluster_state:ok')) return false;
  }
  const cluster = new Cluster(
    nodes.map((a) => ({ host: a.split(':')[0], port: Number(a.split(':')[1]) })),
    { lazyConnect: true, clusterRetryStrategy: () => null },
  );
  cluster.on('error', () => undefined);
  try {
    await cluster.connect();
    const shards = (await cluster.call('CLUSTER', 'SHARDS')) as unknown[][];
    if (shards.length !== masters) return false;
    return shards.every((shard) => {
      const fields = new Map<string, unknown>();
      for (let i = 0; i < shard.length; i += 2) fields.set(String(shard[i]), shard[i + 1]);
      const list = (fields.get('nodes') as unknown[][]) ?? [];
      const online = list.filter((n) => {
        const f = new Map<string, unknown>();
        for (let i = 0; i < n.length; i += 2) f.set(String(n[i]), n[i + 1]);
        return f.get('health') === 'online' && (f.get('role') === 'master' || Number(f.get('replication-offset')) >= 0);
      });
      return online.length === 1 + replicasPerMaster;
    });
  } catch {
    return false;
  } finally {
    cluster.disconnect();
  }
}
