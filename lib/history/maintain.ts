import type { Database } from '@/lib/db/schema';
import type { HistoryConfig } from '@/lib/history/config';
import { prune, type PruneResult } from '@/lib/history/prune';
import { rollFiveMinuteChunk } from '@/lib/history/roll-five-minute';
import { rollHourlyChunk } from '@/lib/history/roll-hourly';
import type { RollupCache } from '@/lib/history/rollup-cache';
import type { Kysely } from 'kysely';
import 'server-only';

export interface MaintainResult {
  /** 5-minute buckets and hours rolled up by this run, and the rollup rows written. */
  fiveMinuteBuckets: number;
  hourlyBuckets: number;
  rollupRows: number;
  pruned: PruneResult;
  ms: number;
}

type Exclusive = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * 5-minute rollups, then hourly ones, then retention — in that order, so nothing is pruned before
 * it is summarised. Works in chunks, each its own transaction, so a sync's write can slip in
 * between them while a long catch-up after downtime runs.
 */
export async function maintainHistory(
  db: Kysely<Database>,
  config: HistoryConfig,
  cache: RollupCache,
  exclusive: Exclusive,
): Promise<MaintainResult> {
  const started = performance.now();
  const result = { fiveMinuteBuckets: 0, hourlyBuckets: 0, rollupRows: 0 };
  const guarded = async <T>(task: () => Promise<T>) =>
    exclusive(async () => {
      try {
        return await task();
      } catch (error) {
        cache.reset();
        throw error;
      }
    });
  for (;;) {
    const step = await guarded(() => rollFiveMinuteChunk(db, config, cache));
    if (step.buckets === 0) break;
    result.fiveMinuteBuckets += step.buckets;
    result.rollupRows += step.rows;
  }
  for (;;) {
    const step = await guarded(() => rollHourlyChunk(db, config, cache));
    if (step.buckets === 0) break;
    result.hourlyBuckets += step.buckets;
    result.rollupRows += step.rows;
  }
  const pruned = await guarded(() => prune(db, config));
  return { ...result, pruned, ms: performance.now() - started };
}
