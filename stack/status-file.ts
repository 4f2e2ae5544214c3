import { renameSync, writeFileSync } from 'node:fs';
import type { ProcessStatus, StackStatus } from '@chirp/core';

/** Replaces the status file in one rename, so a reader never sees half of it. */
export function writeStackStatus(file: string, processes: ProcessStatus[]): void {
  const status: StackStatus = { updatedAt: new Date().toISOString(), processes };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(status, null, 2)}\n`);
  renameSync(tmp, file);
}
