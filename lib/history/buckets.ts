import type { Database } from '@/lib/db/schema';
import { FIVE_MINUTES, HOUR, type HistoryConfig } from '@/lib/history/config';
import { loadRaw } from '@/lib/history/raw-data';
import { expandRows, type CarriedRow } from '@/lib/history/rollup-rows';
import { readWatermark, rowsInForce, toValue, type Resolution } from '@/lib/history/rollup-store';
import { combineBuckets, rawBuckets, type Bucket } from '@/lib/history/time-weighted';
import type { Kysely } from 'kysely';
import 'server-only';

const LENGTH: Record<Resolution, number> = { '5m': FIVE_MINUTES, '1h': HOUR };

/**
 * A scope's buckets of one resolution over [from, to) (`from` aligned to it): stored rollups up to
 * the watermark, and past it the same figures computed on the fly from the finer data (5-minute
 * buckets from raw samples, hours from 5-minute buckets), so a chart reaches the latest sync.
 */
export async function loadBuckets(
  db: Kysely<Database>,
  config: HistoryConfig,
  scope: string,
  resolution: Resolution,
  from: number,
  to: number,
): Promise<Bucket[]> {
  const length = LENGTH[resolution];
  const watermark = (await readWatermark(db, resolution)) ?? from;
  const storedEnd = Math.min(to, Math.max(from, watermark));
  const out: Bucket[] = [];
  if (storedEnd > from) {
    const carried = (await rowsInForce(db, resolution, from, scope)).get(scope);
    const rows: CarriedRow[] = carried ? [carried] : [];
    const stored = await db
      .selectFrom('history_rollups')
      .selectAll()
      .where('resolution', '=', resolution)
      .where('scope', '=', scope)
      .where('bucket', '>=', from)
      .where('bucket', '<', storedEnd)
      .orderBy('bucket')
      .execute();
    for (const row of stored) rows.push({ bucket: Number(row.bucket), ...toValue(row) });
    out.push(...expandRows(rows, length, from, storedEnd));
  }
  if (to > storedEnd) {
    const tailFrom = Math.max(from, storedEnd);
    if (resolution === '5m') {
      const raw = await loadRaw(db, { from: tailFrom, to, gapMs: config.gapMs, scope });
      const buckets = rawBuckets(raw.syncs, raw.samples.get(scope) ?? [], {
        from: tailFrom,
        to,
        stepMs: FIVE_MINUTES,
        gapMs: config.gapMs,
      });
      out.push(...buckets.values());
    } else {
      const finer = await loadBuckets(db, config, scope, '5m', tailFrom, to);
      out.push(...combineBuckets(finer, HOUR).values());
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
