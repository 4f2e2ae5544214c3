import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';

/** Runs a prerequisite check in a child whose PATH has no java, mvn or redis-server. */
function checkWithEmptyPath(fn: string): string {
  const script = `import('./stack/prereqs.ts').then((m) => { try { m.${fn}(); console.log('passed'); } catch (e) { console.log(e.message); } })`;
  const res = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: '/nonexistent' } });
  return res.stdout.trim();
}

describe('missing prerequisites', () => {
  it.each([
    ['checkJava', /Java 17.*apt-get install -y openjdk-17-jre-headless/],
    ['checkMaven', /Maven.*apt-get install -y maven/],
    ['checkRedis', /redis-server.*apt-get install -y redis-server/],
  ])('%s stops with a message naming what to install', (fn, message) => {
    expect(checkWithEmptyPath(fn)).toMatch(message);
  });
});
