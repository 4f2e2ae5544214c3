import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './paths.ts';
import { compiledEntryPath, SERVICES, WORKERS_BUILD_DIR as BUILD_DIR } from './services.ts';

const STAMP = join(BUILD_DIR, '.built');
const SOURCES = ['packages', 'services'].flatMap((top) =>
  readdirSync(join(ROOT, top), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(ROOT, top, d.name, 'src')),
);

/** Compiled workers: one bundled ES module per service, rebuilt when a source is newer. */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function workersStale(): boolean {
  if (!existsSync(STAMP) || SERVICES.some((s) => !existsSync(compiledEntryPath(s)))) return true;
  const built = statSync(STAMP).mtimeMs;
  return Math.max(...SOURCES.map(newest), statSync(join(ROOT, 'pnpm-lock.yaml')).mtimeMs) > built;
}

/**
 * Bundles every service entry (workspace packages are TypeScript sources, so they are bundled; so are
 * the npm dependencies, which keeps one file per service and no resolution from `.build/`). The Lua
 * scripts (and the gateway's .proto) are read at run time relative to the module (`./lua/…`, `./proto/…`), so
 * the folders are copied beside.
 */
export async function buildWorkers(log: (line: string) => void = () => {}): Promise<boolean> {
  if (!workersStale()) return false;
  const t0 = Date.now();
  log('› compiling the workers to JavaScript…');
  mkdirSync(BUILD_DIR, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(SERVICES.map((s) => [s.name, join(ROOT, s.entry)])),
    outdir: BUILD_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: true,
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require() for Node's own modules.
    banner: { js: "import { createRequire as __chirpRequire } from 'node:module'; const require = __chirpRequire(import.meta.url);" },
  });
  cpSync(join(ROOT, 'packages', 'store', 'src', 'lua'), join(BUILD_DIR, 'lua'), { recursive: true });
  cpSync(join(ROOT, 'packages', 'store', 'src', 'lua'), join(BUILD_DIR, 'chunks', 'lua'), { recursive: true });
  // The gateway loads its .proto at run time the same way (`./proto/…`).
  cpSync(join(ROOT, 'services', 'gateway', 'src', 'proto'), join(BUILD_DIR, 'proto'), { recursive: true });
  cpSync(join(ROOT, 'services', 'gateway', 'src', 'proto'), join(BUILD_DIR, 'chunks', 'proto'), { recursive: true });
  writeFileSync(STAMP, new Date().toISOString());
  log(`› workers compiled in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${BUILD_DIR}`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildWorkers(console.log);
