/**
 * Counts per (time bucket, label) with a sliding read: `top(from)` sums the buckets at or after
 * `from`. Built up and torn down incrementally (add with negative deltas), e.g. by a view that
 * sees a key's old and new bucket counts.
 */
export class WindowCounts {
  private readonly buckets = new Map<number, Map<string, number>>();

  add(bucket: number, label: string, delta: number): void {
    let counts = this.buckets.get(bucket);
    if (!counts) this.buckets.set(bucket, (counts = new Map()));
    const next = (counts.get(label) ?? 0) + delta;
    if (next === 0) counts.delete(label);
    else counts.set(label, next);
    if (counts.size === 0) this.buckets.delete(bucket);
  }

  /** Drops buckets before `bucket`: they can never be read again. */
  prune(before: number): void {
    for (const b of this.buckets.keys()) if (b < before) this.buckets.delete(b);
  }

  /** Labels by their total over buckets >= `from`, largest first (ties by label), at most `limit`. */
  top(from: number, limit: number): { label: string; count: number }[] {
    const totals = new Map<string, number>();
    for (const [b, counts] of this.buckets) {
      if (b < from) continue;
      for (const [label, n] of counts) totals.set(label, (totals.get(label) ?? 0) + n);
    }
    return [...totals]
      .filter(([, n]) => n > 0)
      .map(([label, count]) => ({ label, count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
      .slice(0, limit);
  }
}
