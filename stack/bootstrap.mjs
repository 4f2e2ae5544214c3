#!/usr/bin/env node
// Entry of `npm start`, `npm test` and friends. Plain JavaScript with no dependencies, because it
// runs before any are installed: checks Node, installs the workspace with pnpm (fetched by npx, as
// corepack is not always usable), then hands over to the TypeScript stack CLI.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`chirp needs Node.js 20.19 or newer (found ${process.versions.node}). Install a current LTS from https://nodejs.org or your package manager.`);
  process.exit(1);
}

const marker = join(root, 'node_modules', '.modules.yaml');
const lock = join(root, 'pnpm-lock.yaml');
const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);
if (stale) {
  console.log('› installing dependencies (pnpm via npx)…');
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const res = spawnSync(npx, ['-y', 'pnpm@10', 'install', '--frozen-lockfile'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error('dependency install failed: see the output above (needs the npm registry).');
    process.exit(res.status ?? 1);
  }
}

const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'stack', 'cli.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the whole foreground group; the CLI does the ordered shutdown, so we only wait.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig === 'SIGINT' ? 'SIGINT' : 'SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
