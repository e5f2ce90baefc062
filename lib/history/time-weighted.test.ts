import { FIVE_MINUTES, MINUTE } from '@/lib/history/config';
import { zeroMetrics, type Metrics } from '@/lib/history/metrics';
import { combineBuckets, rawBuckets, valuesAtSyncs } from '@/lib/history/time-weighted';
import { describe, expect, it } from 'vitest';

const B = Date.UTC(2026, 0, 1, 10, 0, 0);
const m = (online: number): Metrics => ({ ...zeroMetrics(), total: 10, online, offline: 10 - online });

describe('time-weighted figures', () => {
  it('carries a sample forward within its 5-minute bucket only', () => {
    const samples = [
      { t: B + 10_000, metrics: m(7) },
      { t: B + 90_000, metrics: m(9) },
    ];
    const syncs = [B + 10_000, B + 40_000, B + 90_000, B + 120_000, B + FIVE_MINUTES + 5_000];
    // The last sync is in the next bucket and the recorder wrote nothing there: the scope was absent.
    expect(valuesAtSyncs(syncs, samples).map((v) => v?.online ?? null)).toEqual([7, 7, 9, 9, null]);
  });

  it('weights by time, stops a sync’s word after the gap threshold, and combines by coverage', () => {
    const samples = [
      { t: B, metrics: m(10) },
      { t: B + MINUTE, metrics: m(4) },
    ];
    // 10 online for 60 s, 4 online from 60 s to 60 s + 120 s gap = 180 s; nothing after.
    const buckets = rawBuckets([B, B + MINUTE], samples, {
      from: B,
      to: B + FIVE_MINUTES,
      stepMs: FIVE_MINUTES,
      gapMs: 2 * MINUTE,
    });
    const bucket = buckets.get(B);
    expect(bucket?.covered).toBe(3 * MINUTE);
    expect(bucket?.values.online).toBeCloseTo((10 * 60 + 4 * 120) / 180, 12);

    const combined = combineBuckets(
      [
        { start: B, covered: 3 * MINUTE, values: m(6) },
        { start: B + FIVE_MINUTES, covered: FIVE_MINUTES, values: m(2) },
        { start: B + 2 * FIVE_MINUTES, covered: 0, values: m(0) },
      ],
      15 * MINUTE,
    );
    expect(combined.get(B)?.covered).toBe(8 * MINUTE);
    expect(combined.get(B)?.values.online).toBeCloseTo((6 * 3 + 2 * 5) / 8, 12);
  });
});
