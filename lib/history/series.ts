import type { Database } from '@/lib/db/schema';
import type { Freshness } from '@/lib/domain/fleet';
import type { HistoryPoint, HistorySeries } from '@/lib/domain/history';
import { loadBuckets } from '@/lib/history/buckets';
import { floorTo, type HistoryConfig } from '@/lib/history/config';
import { toPoint, uncovered } from '@/lib/history/points';
import { loadRaw } from '@/lib/history/raw-data';
import {
  chooseResolution,
  RESOLUTION_MS,
  resolveWindow,
  stepFor,
  type HistoryWindowInput,
} from '@/lib/history/resolution';
import { combineBuckets, rawBuckets, syncEnd, valuesAtSyncs, type Bucket } from '@/lib/history/time-weighted';
import type { Kysely } from 'kysely';
import 'server-only';

/** `HistorySeries` without the freshness fields (the route adds those from the fleet service). */
export type SeriesData = Omit<HistorySeries, keyof Freshness>;

const iso = (t: number) => new Date(t).toISOString();

export async function readSeries(
  db: Kysely<Database>,
  config: HistoryConfig,
  scope: string,
  input: HistoryWindowInput,
  maxPoints: number,
): Promise<SeriesData> {
  const now = config.now();
  const window = resolveWindow(input, now);
  const resolution = chooseResolution(window, now, config.retention);
  // Nothing is known about the future: data (and gaps) stop at now.
  const end = Math.min(window.to, now);
  const base = { from: iso(window.from), to: iso(window.to), resolution };
  if (end <= window.from) return { ...base, stepMs: null, points: [], gaps: [] };

  if (resolution === 'raw') {
    const raw = await loadRaw(db, { from: window.from, to: end, gapMs: config.gapMs, scope });
    const samples = raw.samples.get(scope) ?? [];
    const inWindow = raw.syncs.filter((s) => s >= window.from).length;
    if (inWindow <= maxPoints) {
      const values = valuesAtSyncs(raw.syncs, samples);
      const points: HistoryPoint[] = [];
      const covered: [number, number][] = [];
      raw.syncs.forEach((s, i) => {
        const value = values[i];
        if (!value) return;
        covered.push([s, syncEnd(raw.syncs, i, config.gapMs, end)]);
        if (s >= window.from) points.push(toPoint(s, value));
      });
      const gaps = uncovered(covered, window.from, end).map((gap) => ({
        from: iso(gap.from),
        to: iso(gap.to),
      }));
      return { ...base, stepMs: null, points, gaps };
    }
    const stepMs = stepFor(window.to - window.from, 1, maxPoints);
    // Raw data was read from `window.from`: the first bucket covers only the part inside the window.
    const buckets = rawBuckets(raw.syncs, samples, {
      from: window.from,
      to: end,
      stepMs,
      gapMs: config.gapMs,
    });
    return finish(
      base,
      stepMs,
      floorTo(window.from, stepMs),
      end,
      window.from,
      [...buckets.values()].sort((a, b) => a.start - b.start),
    );
  }

  const length = RESOLUTION_MS[resolution];
  const stepMs = stepFor(window.to - window.from, length, maxPoints);
  const from = floorTo(window.from, stepMs);
  const buckets = await loadBuckets(db, config, scope, resolution, from, end);
  const steps = [...combineBuckets(buckets, stepMs).values()].sort((a, b) => a.start - b.start);
  return finish(base, stepMs, from, end, window.from, steps);
}

function finish(
  base: Pick<SeriesData, 'from' | 'to' | 'resolution'>,
  stepMs: number,
  alignedFrom: number,
  end: number,
  windowFrom: number,
  steps: readonly Bucket[],
): SeriesData {
  const withData = steps.filter((step) => step.covered > 0 && step.start >= alignedFrom);
  const covered = withData.map((step) => [step.start, step.start + stepMs] as [number, number]);
  const gaps = uncovered(covered, Math.max(alignedFrom, windowFrom), end);
  return {
    ...base,
    stepMs,
    points: withData.map((step) => toPoint(step.start, step.values)),
    gaps: gaps.map((gap) => ({ from: iso(gap.from), to: iso(gap.to) })),
  };
}
