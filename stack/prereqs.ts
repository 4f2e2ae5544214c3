import { spawnSync } from 'node:child_process';

export class MissingPrerequisite extends Error {
  override readonly name = 'MissingPrerequisite';
}

function run(cmd: string, args: string[]): { ok: boolean; out: string } {
  const res = spawnSync(cmd, args, { encoding: 'utf8' });
  return { ok: res.status === 0 && !res.error, out: `${res.stdout ?? ''}${res.stderr ?? ''}` };
}

/** Java 17+ runs the broker; the message names the package to install. */
export function checkJava(): void {
  const { ok, out } = run('java', ['-version']);
  const major = Number(/version "(\d+)/.exec(out)?.[1] ?? 0);
  if (!ok || major < 17) {
    throw new MissingPrerequisite(
      `Kafka needs Java 17 or newer (found: ${ok ? `Java ${major}` : 'no java on PATH'}). Install it: sudo apt-get install -y openjdk-17-jre-headless (Debian/Ubuntu), brew install openjdk@17 (macOS), or set KAFKA_BROKERS to an existing cluster.`,
    );
  }
}

export function checkMaven(): void {
  if (!run('mvn', ['-v']).ok) {
    throw new MissingPrerequisite(
      'Fetching Kafka needs Maven (it downloads the broker from Maven Central once). Install it: sudo apt-get install -y maven (Debian/Ubuntu), brew install maven (macOS), or set KAFKA_BROKERS to an existing cluster.',
    );
  }
}

export function checkRedis(): void {
  if (!run('redis-server', ['--version']).ok) {
    throw new MissingPrerequisite(
      'The local stack runs its own Redis and needs redis-server on PATH. Install it: sudo apt-get install -y redis-server (Debian/Ubuntu), brew install redis (macOS), or set REDIS_URL to an existing server.',
    );
  }
}

export function has(cmd: string): boolean {
  return run('sh', ['-c', `command -v ${cmd}`]).ok;
}
