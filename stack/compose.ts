// A Docker engine and the base images docker-compose.yml needs, for `npm run compose:test`: the
// engine is installed (Debian's docker.io, as root) and started by hand when missing; a base image
// that cannot be pulled is built as a stand-in under its official name (docker/stand-ins/README.md).
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LOG_DIR, ROOT } from './paths.ts';
import { has, MissingPrerequisite } from './prereqs.ts';
import { waitFor } from './wait.ts';

type Log = (line: string) => void;

/** The label every stand-in carries, so a run can say which images were not the official ones. */
export const STAND_IN_LABEL = 'org.chirp.stand-in';

/** Base images of Dockerfile, docker/kafka/Dockerfile and docker-compose.yml, in build order (a stand-in may build FROM an earlier one). */
export const BASE_IMAGES: readonly { image: string; standIn: string }[] = [
  { image: 'debian:bookworm-slim', standIn: 'debootstrap' },
  { image: 'node:20-bookworm-slim', standIn: 'docker/stand-ins/node' },
  { image: 'redis:7', standIn: 'docker/stand-ins/redis' },
  { image: 'prom/prometheus:v2.53.3', standIn: 'docker/stand-ins/prometheus' },
  { image: 'eclipse-temurin:17-jre', standIn: 'docker/stand-ins/eclipse-temurin' },
  { image: 'maven:3.9-eclipse-temurin-17', standIn: 'docker/stand-ins/maven' },
];

/** The classic builder: it needs no frontend image from a registry, and Compose v1 and v2 both accept it. */
const BUILD_ENV = { ...process.env, DOCKER_BUILDKIT: '0', COMPOSE_DOCKER_CLI_BUILD: '0' };

export interface RunResult {
  status: number;
  out: string;
}

export function run(cmd: string, args: readonly string[], options: SpawnSyncOptions = {}): RunResult {
  const res = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: BUILD_ENV, ...options });
  return { status: res.error ? 127 : (res.status ?? 1), out: `${String(res.stdout ?? '')}${String(res.stderr ?? '')}${res.error ? String(res.error) : ''}` };
}

/** Runs a command with its output streamed to ours (long builds show progress); throws naming it when it fails. */
function runLoud(cmd: string, args: readonly string[], cwd = ROOT): void {
  const res = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: BUILD_ENV });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status ?? res.error?.message})`);
}

const engineAnswers = (): boolean => run('docker', ['info', '--format', '{{.ServerVersion}}']).status === 0;

export interface Engine {
  /** Engine version, as `docker info` reports it. */
  version: string;
  /** Stops dockerd if this call started it; a running engine found here is left alone. */
  stop(): Promise<void>;
}

/** The Docker engine and Compose: installed with apt-get (root on Debian) and dockerd started when missing. */
export async function ensureEngine(log: Log): Promise<Engine> {
  const missing = [
    ...(has('docker') && has('dockerd') ? [] : ['docker.io']),
    ...(has('docker-compose') || run('docker', ['compose', 'version']).status === 0 ? [] : ['docker-compose']),
    ...(has('debootstrap') ? [] : ['debootstrap']),
  ];
  if (missing.length > 0) {
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!root || !has('apt-get'))
      throw new MissingPrerequisite(`the compose test needs a Docker engine and Compose: sudo apt-get install -y ${missing.join(' ')}`);
    log(`› installing with apt-get: ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
    if (install.status !== 0) {
      spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      const again = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
      if (again.status !== 0) throw new MissingPrerequisite(`apt-get could not install ${missing.join(' ')}`);
    }
  }
  let stop = async (): Promise<void> => undefined;
  if (!engineAnswers()) {
    if (!has('dockerd')) throw new MissingPrerequisite('no Docker engine answers and dockerd is not installed');
    mkdirSync(LOG_DIR, { recursive: true });
    const logFile = join(LOG_DIR, 'dockerd.log');
    log(`› starting dockerd (storage overlay2, log ${logFile})…`);
    const out = openSync(logFile, 'a');
    const daemon = spawn('dockerd', ['--storage-driver', 'overlay2'], { detached: true, stdio: ['ignore', out, out] });
    daemon.unref();
    const exited = new Promise<void>((resolve) => daemon.once('exit', () => resolve()));
    await waitFor(
      async () => {
        if (daemon.exitCode !== null) throw new Error(`dockerd exited (code ${daemon.exitCode}); see ${logFile}`);
        return engineAnswers();
      },
      'the Docker engine',
      60_000,
      500,
    );
    stop = async () => {
      if (daemon.exitCode !== null) return;
      daemon.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000).unref())]);
    };
  }
  return { version: run('docker', ['info', '--format', '{{.ServerVersion}}']).out.trim(), stop };
}

export const imageExists = (image: string): boolean => run('docker', ['image', 'inspect', image]).status === 0;

/** True when the image is one of ours, built from Debian packages in place of the official one. */
export const isStandIn = (image: string): boolean =>
  run('docker', ['image', 'inspect', '--format', `{{index .Config.Labels "${STAND_IN_LABEL}"}}`, image]).out.trim() === 'true';

/** debian:bookworm-slim from Debian's own packages, trusting the host's CAs (the registries may sit behind one). */
function importDebian(image: string, log: Log): void {
  const dir = mkdtempSync(join(tmpdir(), 'chirp-rootfs-'));
  try {
    log(`› ${image}: debootstrap bookworm (minbase) …`);
    runLoud('debootstrap', ['--variant=minbase', '--include=ca-certificates', 'bookworm', dir, 'http://deb.debian.org/debian']);
    const localCa = '/usr/local/share/ca-certificates';
    for (const crt of readdirSync(localCa, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.crt'))) {
      cpSync(join(crt.parentPath, crt.name), join(dir, localCa, crt.name));
    }
    runLoud('chroot', [dir, 'update-ca-certificates', '--fresh']);
    runLoud('sh', [
      '-c',
      `printf '%s\\n' 'deb http://deb.debian.org/debian bookworm main' 'deb http://deb.debian.org/debian bookworm-updates main' ` +
        `'deb http://deb.debian.org/debian-security bookworm-security main' > ${dir}/etc/apt/sources.list && ` +
        `rm -rf ${dir}/var/lib/apt/lists/* ${dir}/var/cache/apt/archives/*.deb ${dir}/usr/share/doc ${dir}/usr/share/man`,
    ]);
    runLoud('sh', ['-c', `tar -C ${dir} -c . | docker import -c 'CMD ["bash"]' -c 'LABEL ${STAND_IN_LABEL}=true' - ${image}`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The build context of the node stand-in: its Dockerfile plus this machine's node binary and npm. */
function nodeContext(recipe: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'chirp-node-'));
  cpSync(join(ROOT, recipe), dir, { recursive: true });
  cpSync(process.execPath, join(dir, 'node'));
  const npm = dirname(dirname(realpathSync(run('sh', ['-c', 'command -v npm']).out.trim())));
  cpSync(npm, join(dir, 'npm'), { recursive: true, dereference: true });
  return dir;
}

/**
 * Every base image present: kept when already there, pulled when a registry answers, else built as
 * a stand-in. Returns the images that are stand-ins.
 */
export function ensureBaseImages(log: Log): string[] {
  for (const { image, standIn } of BASE_IMAGES) {
    if (imageExists(image)) continue;
    const pull = run('docker', ['pull', '-q', image], { timeout: 120_000 });
    if (pull.status === 0) {
      log(`› ${image}: pulled`);
      continue;
    }
    log(`› ${image}: cannot be pulled (${pull.out.trim().split('\n').pop()}); building a stand-in`);
    const t0 = Date.now();
    if (standIn === 'debootstrap') importDebian(image, log);
    else {
      const context = standIn.endsWith('/node') ? nodeContext(standIn) : join(ROOT, standIn);
      try {
        runLoud('docker', ['build', '-q', '--force-rm', '--label', `${STAND_IN_LABEL}=true`, '-t', image, context]);
      } finally {
        if (context.startsWith(tmpdir())) rmSync(context, { recursive: true, force: true });
      }
    }
    log(`› ${image}: stand-in built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  return BASE_IMAGES.map((b) => b.image).filter(isStandIn);
}

/** `docker-compose` (v1) when installed, else the `docker compose` plugin (v2): the file works with both. */
export function composeCommand(): string[] {
  return has('docker-compose') ? ['docker-compose'] : ['docker', 'compose'];
}

/** As `run`, without blocking the event loop (the test posts tweets while a container restarts). */
export function runAsync(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...BUILD_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 1_800_000 });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', (error) => resolve({ status: 127, out: `${out}${String(error)}` }));
    child.once('close', (code) => resolve({ status: code ?? 1, out }));
  });
}
