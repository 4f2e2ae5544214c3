import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashLoopMessage, lastLines } from '../log-tail.ts';

const dir = mkdtempSync(join(tmpdir(), 'chirp-log-tail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a crash-looping process says why where the user looks', () => {
  it('prints the last lines of its log under the crash line', () => {
    const file = join(dir, 'gateway.log');
    const lines = Array.from({ length: 40 }, (_, i) => `line ${i}`);
    lines.push('{"level":"fatal","msg":"gateway cannot listen","err":"EADDRINUSE 127.0.0.1:26565"}');
    writeFileSync(file, lines.join('\n') + '\n\n');
    const message = crashLoopMessage('gateway', 3, file);
    expect(message.split('\n')[0]).toBe(`gateway crashed 3 times in a row while starting; see ${file}`);
    expect(message).toContain('  {"level":"fatal","msg":"gateway cannot listen","err":"EADDRINUSE 127.0.0.1:26565"}');
    expect(message).not.toContain('line 25\n');
    expect(lastLines(file, 2).split('\n')).toEqual(['line 39', lines[40]]);
  });

  it('reads only the end of a long log, never a line cut by the window', () => {
    const file = join(dir, 'long.log');
    writeFileSync(file, 'x'.repeat(1_000_000) + '\nthe end\n');
    expect(lastLines(file, 1)).toBe('the end');
    expect(lastLines(file, 5)).toBe('the end'); // the x line started before the 16 KiB window
  });

  it('splits CRLF lines too', () => {
    const file = join(dir, 'crlf.log');
    writeFileSync(file, 'a\r\nb\r\nc\r\n');
    expect(lastLines(file, 2)).toBe('b\nc');
  });

  it('is the bare crash line when the log is empty or missing', () => {
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, '');
    expect(crashLoopMessage('saver', 3, empty)).toBe(`saver crashed 3 times in a row while starting; see ${empty}`);
    const file = join(dir, 'missing.log');
    expect(crashLoopMessage('saver', 3, file)).toBe(`saver crashed 3 times in a row while starting; see ${file}`);
  });
});
