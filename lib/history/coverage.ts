import type { Database } from '@/lib/db/schema';
import { loadBuckets } from '@/lib/history/buckets';
import { FIVE_MINUTES, floorTo, HOUR, type HistoryConfig } from '@/lib/history/config';
import { FLEET_SCOPE } from '@/lib/history/metrics';
import { loadSyncs, nextSyncAt } from '@/lib/history/raw-data';
import { syncEnd } from '@/lib/history/time-weighted';
import { sql, type Kysely } from 'kysely';
import 'server-only';

/** A stretch of time and the share of it Levelboard watched (1 = all of it). */
export interface Segment {
  start: number;
  end: number;
  weight: number;
}

async function firstFleetBucket(db: Kysely<Database>): Promise<number | null> {
  const row = await db
    .selectFrom('history_rollups')
    .select(sql<number | null>`min(bucket)`.as('bucket'))
    .where('resolution', '=', '5m')
    .where('scope', '=', FLEET_SCOPE)
    .executeTakeFirst();
  return row?.bucket === null || row?.bucket === undefined ? null : Number(row.bucket);
}

/**
 * When Levelboard was watching within [from, to): exact from the sync log while it is kept
 * (48 h by default), before that from the fleet's rollups (the watched share of each 5-minute
 * bucket, then of each hour), so uptime over 30 days or a year still skips the gaps.
 */
export async function coverage(
  db: Kysely<Database>,
  config: HistoryConfig,
  from: number,
  to: number,
): Promise<Segment[]> {
  const segments: Segment[] = [];
  const firstSync = (await nextSyncAt(db, null)) ?? to;
  const exactFrom = Math.max(from, firstSync);
  if (from < exactFrom) {
    const firstFiveMinute = Math.max(from, (await firstFleetBucket(db)) ?? exactFrom);
    const layers = [
      { resolution: '1h' as const, length: HOUR, start: from, end: Math.min(firstFiveMinute, exactFrom) },
      { resolution: '5m' as const, length: FIVE_MINUTES, start: firstFiveMinute, end: exactFrom },
    ];
    for (const layer of layers) {
      if (layer.end <= layer.start) continue;
      const buckets = await loadBuckets(
        db,
        config,
        FLEET_SCOPE,
        layer.resolution,
        floorTo(layer.start, layer.length),
        layer.end,
      );
      for (const bucket of buckets) {
        const start = Math.max(bucket.start, layer.start);
        const end = Math.min(bucket.start + layer.length, layer.end);
        if (end > start) segments.push({ start, end, weight: bucket.covered / layer.length });
      }
    }
  }
  if (to > exactFrom) {
    const syncs = await loadSyncs(db, { from: exactFrom, to, gapMs: config.gapMs });
    syncs.forEach((s, i) => {
      const start = Math.max(s, exactFrom);
      const end = syncEnd(syncs, i, config.gapMs, to);
      if (end > start) segments.push({ start, end, weight: 1 });
    });
  }
  return segments;
}

/** Watched time within [start, end), given segments ascending and not overlapping. */
export function watched(segments: readonly Segment[], start: number, end: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((segments[mid]?.end ?? Infinity) <= start) low = mid + 1;
    else high = mid;
  }
  let total = 0;
  for (let i = low; i < segments.length; i++) {
    const segment = segments[i];
    if (!segment || segment.start >= end) break;
    total += (Math.min(end, segment.end) - Math.max(start, segment.start)) * segment.weight;
  }
  return total;
}
