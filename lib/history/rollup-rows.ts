import type { RollupValue } from '@/lib/history/rollup-store';
import type { Bucket } from '@/lib/history/time-weighted';
import 'server-only';

export interface CarriedRow extends RollupValue {
  bucket: number;
}

/**
 * Expands carried-forward rows (ascending; the first may start before `from`) into one bucket of
 * `stepMs` per covered bucket in [from, to). `to` must not pass the watermark.
 */
export function expandRows(rows: readonly CarriedRow[], stepMs: number, from: number, to: number): Bucket[] {
  const out: Bucket[] = [];
  rows.forEach((row, i) => {
    if (row.covered <= 0) return;
    const until = Math.min(rows[i + 1]?.bucket ?? Infinity, to);
    for (let start = Math.max(row.bucket, from); start < until; start += stepMs) {
      out.push({ start, covered: row.covered, values: row.values });
    }
  });
  return out;
}
