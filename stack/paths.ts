import { homedir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Runtime state of the local stack (Kafka and Redis data, logs, pids): ignored by git. */
export const STATE_DIR = process.env.STACK_DIR ?? join(ROOT, '.stack');
export const LOG_DIR = join(STATE_DIR, 'logs');
/** Downloaded Kafka lives outside the repo, reused by every checkout. */
export const CACHE_DIR = process.env.CHIRP_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'chirp');

export const KAFKA_VERSION = '3.9.1';
export const SCALA_VERSION = '2.13';
