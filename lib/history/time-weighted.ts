import { FIVE_MINUTES, floorTo } from '@/lib/history/config';
import { addWeighted, divided, zeroMetrics, type Metrics } from '@/lib/history/metrics';
import 'server-only';

// How raw samples turn into figures over time. A sync at `s` vouches for the fleet from `s` until
// the next sync, but for at most `gapMs`; the value in force is the scope's latest sample in
// [start of s's 5-minute bucket, s] (the recorder writes one per bucket, so none there = no data).

export interface TimedMetrics {
  t: number;
  metrics: Metrics;
}

/** One bucket: how much of it Levelboard watched, and the time-weighted average over that part. */
export interface Bucket {
  start: number;
  covered: number;
  values: Metrics;
}

/** The scope's figures at each sync, or null where it had none (a group that did not exist). */
export function valuesAtSyncs(
  syncs: readonly number[],
  samples: readonly TimedMetrics[],
): (Metrics | null)[] {
  const out: (Metrics | null)[] = [];
  let j = -1;
  for (const s of syncs) {
    while (j + 1 < samples.length && (samples[j + 1]?.t ?? Infinity) <= s) j += 1;
    const sample = j >= 0 ? samples[j] : undefined;
    out.push(sample && sample.t >= floorTo(s, FIVE_MINUTES) ? sample.metrics : null);
  }
  return out;
}

/** End of the time sync `i` vouches for. */
export function syncEnd(syncs: readonly number[], i: number, gapMs: number, until: number): number {
  const s = syncs[i] ?? until;
  return Math.min(syncs[i + 1] ?? Infinity, s + gapMs, until);
}

/**
 * Time-weighted buckets of `stepMs` (aligned to the epoch) over [from, to), from raw samples of one
 * scope. `syncs` must include those up to `gapMs` before `from`. Buckets nobody watched are absent.
 */
export function rawBuckets(
  syncs: readonly number[],
  samples: readonly TimedMetrics[],
  window: { from: number; to: number; stepMs: number; gapMs: number },
): Map<number, Bucket> {
  const { from, to, stepMs, gapMs } = window;
  const values = valuesAtSyncs(syncs, samples);
  const sums = new Map<number, { covered: number; sums: Metrics }>();
  syncs.forEach((s, i) => {
    const value = values[i];
    if (!value) return;
    let start = Math.max(s, from);
    const end = syncEnd(syncs, i, gapMs, to);
    while (start < end) {
      const bucket = floorTo(start, stepMs);
      const stop = Math.min(end, bucket + stepMs);
      let entry = sums.get(bucket);
      if (!entry) sums.set(bucket, (entry = { covered: 0, sums: zeroMetrics() }));
      entry.covered += stop - start;
      addWeighted(entry.sums, value, stop - start);
      start = stop;
    }
  });
  const out = new Map<number, Bucket>();
  for (const [start, entry] of sums) {
    out.set(start, { start, covered: entry.covered, values: divided(entry.sums, entry.covered) });
  }
  return out;
}

/** Merges buckets into coarser ones of `stepMs`, weighting each by the time it covers. */
export function combineBuckets(buckets: Iterable<Bucket>, stepMs: number): Map<number, Bucket> {
  const sums = new Map<number, { covered: number; sums: Metrics }>();
  for (const bucket of buckets) {
    if (bucket.covered <= 0) continue;
    const start = floorTo(bucket.start, stepMs);
    let entry = sums.get(start);
    if (!entry) sums.set(start, (entry = { covered: 0, sums: zeroMetrics() }));
    entry.covered += bucket.covered;
    addWeighted(entry.sums, bucket.values, bucket.covered);
  }
  const out = new Map<number, Bucket>();
  for (const [start, entry] of sums) {
    out.set(start, { start, covered: entry.covered, values: divided(entry.sums, entry.covered) });
  }
  return out;
}
