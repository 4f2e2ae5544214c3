import type { GroupPositions } from '@chirp/store';

/**
 * Which version's positions a subscriber resumes from: its own version's; version 0 (no version,
 * liiklus's old style) resumes from the newest version that acked anything.
 */
export function resumeVersion(positions: GroupPositions, version: number): number | undefined {
  if (version !== 0) return positions.has(version) ? version : undefined;
  const versions = [...positions.keys()].sort((a, b) => b - a);
  return versions[0];
}

/** The offset a subscriber of `version` last acked on `partition`, if any. */
export function ackedOffset(positions: GroupPositions, version: number, partition: number): bigint | undefined {
  const v = resumeVersion(positions, version);
  return v === undefined ? undefined : positions.get(v)?.get(partition);
}

/** Records at or below this offset were acked by some version of the group: they come back with `replay = true` (-1 when none). */
export function replayUpTo(positions: GroupPositions, partition: number): bigint {
  let max = -1n;
  for (const byPartition of positions.values()) {
    const offset = byPartition.get(partition);
    if (offset !== undefined && offset > max) max = offset;
  }
  return max;
}
