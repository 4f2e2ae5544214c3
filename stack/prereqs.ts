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

/** Tools the test suite drives, by the Debian package that provides each. */
export const TEST_TOOLS: Record<string, string> = {
  chromium: 'chromium', // browser tests, through playwright-core (never a downloaded browser)
  promtool: 'prometheus', // alert rule checks and unit tests
  prometheus: 'prometheus', // dashboard queries against a real Prometheus
  'docker-compose': 'docker-compose', // `docker-compose config` validates docker-compose.yml
};

/**
 * Installs missing test tools with apt-get when we may (root on Debian/Ubuntu); otherwise stops
 * with the command to run. `npm test` does its own set-up, as the README promises.
 */
export function ensureTestTools(log: (line: string) => void): void {
  const missing = [
    ...new Set(
      Object.entries(TEST_TOOLS)
        .filter(([bin]) => !has(bin))
        .map(([, pkg]) => pkg),
    ),
  ];
  if (missing.length === 0) return;
  const packages = [...missing, ...(missing.includes('chromium') ? ['fonts-noto-color-emoji'] : [])];
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !has('apt-get')) {
    throw new MissingPrerequisite(`the tests need ${missing.join(', ')}. Install them: sudo apt-get install -y ${packages.join(' ')}`);
  }
  log(`› installing test tools with apt-get: ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  if (update.status !== 0 || install.status !== 0)
    throw new MissingPrerequisite(`apt-get could not install ${packages.join(' ')}; install them and run npm test again`);
}
