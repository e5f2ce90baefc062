import type { Database, HistoryRollupTable } from '@/lib/db/schema';
import { FIVE_MINUTES, floorTo, HOUR, type HistoryConfig } from '@/lib/history/config';
import { loadRaw, nextSyncAt } from '@/lib/history/raw-data';
import type { RollupCache } from '@/lib/history/rollup-cache';
import {
  insertRollups,
  readWatermark,
  rollupRow,
  rowsInForce,
  sameRollup,
  UNCOVERED,
  writeWatermark,
  type RollupValue,
} from '@/lib/history/rollup-store';
import { rawBuckets } from '@/lib/history/time-weighted';
import type { Kysely } from 'kysely';
import 'server-only';

const CHUNK_MS = HOUR;

/**
 * Rolls up the next chunk (at most an hour) of closed 5-minute buckets from raw samples; returns
 * the buckets done, 0 when there is nothing left. One transaction per chunk, watermark included,
 * so a crash in between leaves either the chunk or nothing.
 */
export async function rollFiveMinuteChunk(
  db: Kysely<Database>,
  config: HistoryConfig,
  cache: RollupCache,
): Promise<{ buckets: number; rows: number }> {
  return db.transaction().execute(async (trx) => {
    const now = config.now();
    const closedEnd = floorTo(now - config.closeGraceMs, FIVE_MINUTES);
    let start = await readWatermark(trx, '5m');
    if (start === null) {
      const first = await nextSyncAt(trx, null);
      if (first === null) return { buckets: 0, rows: 0 };
      start = floorTo(first, FIVE_MINUTES);
    }
    if (start >= closedEnd) return { buckets: 0, rows: 0 };
    const end = Math.min(start + CHUNK_MS, closedEnd);

    const inForce =
      cache.fiveMinute?.at === start
        ? cache.fiveMinute.rows
        : new Map<string, RollupValue>(await rowsInForce(trx, '5m', start));
    const raw = await loadRaw(trx, { from: start, to: end, gapMs: config.gapMs });
    const scopes = new Set([...raw.samples.keys()]);
    for (const [scope, value] of inForce) if (value.covered > 0) scopes.add(scope);

    const rows: HistoryRollupTable[] = [];
    for (const scope of scopes) {
      const buckets = rawBuckets(raw.syncs, raw.samples.get(scope) ?? [], {
        from: start,
        to: end,
        stepMs: FIVE_MINUTES,
        gapMs: config.gapMs,
      });
      for (let bucket = start; bucket < end; bucket += FIVE_MINUTES) {
        const computed = buckets.get(bucket);
        const value: RollupValue = computed
          ? { covered: computed.covered, values: computed.values }
          : UNCOVERED;
        const previous = inForce.get(scope);
        if (previous ? sameRollup(previous, value) : value.covered === 0) continue;
        rows.push(rollupRow('5m', scope, bucket, value));
        inForce.set(scope, value);
      }
    }
    await insertRollups(trx, rows);

    // Nothing watched in this chunk: every scope now reads "no data", so skip to the next sync.
    let through = end;
    if (raw.syncs.every((s) => s + config.gapMs <= start) && end < closedEnd) {
      const next = await nextSyncAt(trx, end);
      through = next === null ? closedEnd : Math.min(closedEnd, Math.max(end, floorTo(next, FIVE_MINUTES)));
    }
    await writeWatermark(trx, '5m', through, now);
    cache.fiveMinute = { at: through, rows: inForce };
    return { buckets: (through - start) / FIVE_MINUTES, rows: rows.length };
  });
}
