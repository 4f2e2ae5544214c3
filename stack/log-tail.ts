import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The last `lines` lines of a log file (at most its last 16 KiB), or '' when it cannot be read:
 * what a crash-looping process said before it died, printed where the user is already looking.
 */
export function lastLines(file: string, lines = 15): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const length = Math.min(size, 16 * 1024);
    const buf = Buffer.alloc(length);
    readSync(fd, buf, 0, length, size - length);
    let text = buf.toString('utf8');
    // A window that starts inside the file starts inside a line: drop that partial line.
    if (length < size) text = text.slice(text.indexOf('\n') + 1);
    return text.trimEnd().split(/\r?\n/).slice(-lines).join('\n');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Why the stack stopped while starting: the process, how often it crashed, where its log is and what it last said. */
export function crashLoopMessage(name: string, crashes: number, logFile: string): string {
  const tail = lastLines(logFile);
  const said = tail ? `\nlast lines of ${logFile}:\n${tail.replace(/^/gm, '  ')}` : '';
  return `${name} crashed ${crashes} times in a row while starting; see ${logFile}${said}`;
}
