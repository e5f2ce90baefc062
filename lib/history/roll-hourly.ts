import type { Database, HistoryRollupTable } from '@/lib/db/schema';
import { DAY, FIVE_MINUTES, floorTo, HOUR, type HistoryConfig } from '@/lib/history/config';
import type { RollupCache } from '@/lib/history/rollup-cache';
import { expandRows, type CarriedRow } from '@/lib/history/rollup-rows';
import {
  insertRollups,
  readWatermark,
  rollupRow,
  rowsInForce,
  sameRollup,
  toValue,
  UNCOVERED,
  writeWatermark,
  type RollupValue,
} from '@/lib/history/rollup-store';
import { combineBuckets } from '@/lib/history/time-weighted';
import { sql, type Kysely } from 'kysely';
import 'server-only';

const CHUNK_MS = DAY;

async function firstFiveMinuteBucket(db: Kysely<Database>): Promise<number | null> {
  const row = await db
    .selectFrom('history_rollups')
    .select(sql<number | null>`min(bucket)`.as('bucket'))
    .where('resolution', '=', '5m')
    .executeTakeFirst();
  return row?.bucket === null || row?.bucket === undefined ? null : Number(row.bucket);
}

/**
 * Rolls up the next chunk (at most a day) of hours whose twelve 5-minute buckets are all final,
 * weighting each by the time it covers; returns the hours done, 0 when there is nothing left.
 */
export async function rollHourlyChunk(
  db: Kysely<Database>,
  config: HistoryConfig,
  cache: RollupCache,
): Promise<{ buckets: number; rows: number }> {
  return db.transaction().execute(async (trx) => {
    const fiveMinuteEnd = await readWatermark(trx, '5m');
    if (fiveMinuteEnd === null) return { buckets: 0, rows: 0 };
    const closedEnd = floorTo(fiveMinuteEnd, HOUR);
    let start = await readWatermark(trx, '1h');
    if (start === null) {
      const first = await firstFiveMinuteBucket(trx);
      if (first === null) return { buckets: 0, rows: 0 };
      start = floorTo(first, HOUR);
    }
    if (start >= closedEnd) return { buckets: 0, rows: 0 };
    const end = Math.min(start + CHUNK_MS, closedEnd);

    const hourly =
      cache.hourly?.at === start
        ? cache.hourly.rows
        : new Map<string, RollupValue>(await rowsInForce(trx, '1h', start));
    const carried =
      cache.fiveMinuteAtHour?.at === start
        ? cache.fiveMinuteAtHour.rows
        : new Map<string, RollupValue>(await rowsInForce(trx, '5m', start));
    const perScope = new Map<string, CarriedRow[]>();
    for (const [scope, value] of carried) perScope.set(scope, [{ bucket: start - FIVE_MINUTES, ...value }]);
    const rows5 = await trx
      .selectFrom('history_rollups')
      .selectAll()
      .where('resolution', '=', '5m')
      .where('bucket', '>=', start)
      .where('bucket', '<', end)
      .orderBy('bucket')
      .execute();
    for (const row of rows5) {
      const list = perScope.get(row.scope) ?? [];
      list.push({ bucket: Number(row.bucket), ...toValue(row) });
      perScope.set(row.scope, list);
    }
    for (const [scope, value] of hourly)
      if (value.covered > 0 && !perScope.has(scope)) perScope.set(scope, []);

    const rows: HistoryRollupTable[] = [];
    for (const [scope, list] of perScope) {
      const hours = combineBuckets(expandRows(list, FIVE_MINUTES, start, end), HOUR);
      for (let hour = start; hour < end; hour += HOUR) {
        const computed = hours.get(hour);
        const value: RollupValue = computed
          ? { covered: computed.covered, values: computed.values }
          : UNCOVERED;
        const previous = hourly.get(scope);
        if (previous ? sameRollup(previous, value) : value.covered === 0) continue;
        rows.push(rollupRow('1h', scope, hour, value));
        hourly.set(scope, value);
      }
      const last = list.at(-1);
      if (last) carried.set(scope, { covered: last.covered, values: last.values });
    }
    await insertRollups(trx, rows);
    await writeWatermark(trx, '1h', end, config.now());
    cache.hourly = { at: end, rows: hourly };
    cache.fiveMinuteAtHour = { at: end, rows: carried };
    return { buckets: (end - start) / HOUR, rows: rows.length };
  });
}
