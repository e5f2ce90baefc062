import type { Database, HistoryRollupTable } from '@/lib/db/schema';
import { inChunks } from '@/lib/history/batch-writes';
import { pickMetrics, sameMetrics, zeroMetrics, type Metrics } from '@/lib/history/metrics';
import { sql, type Kysely } from 'kysely';
import 'server-only';

// Rollup rows are carried forward: a row at bucket b holds for b and every later bucket up to the
// scope's next row (or the watermark), so a stable fleet costs one row, not one per bucket. A row
// with covered_ms = 0 says "no data from here on". Below the watermark every bucket is final.

export type Resolution = '5m' | '1h';

export interface RollupValue {
  covered: number;
  values: Metrics;
}

export const UNCOVERED: RollupValue = { covered: 0, values: zeroMetrics() };

export function sameRollup(a: RollupValue, b: RollupValue): boolean {
  return a.covered === b.covered && (a.covered === 0 || sameMetrics(a.values, b.values));
}

const watermarkKey = (resolution: Resolution) => `history.rollup.${resolution}.through`;

/** End (exclusive) of the buckets already rolled up at this resolution, or null before the first run. */
export async function readWatermark(db: Kysely<Database>, resolution: Resolution): Promise<number | null> {
  const row = await db
    .selectFrom('key_values')
    .select('value')
    .where('key', '=', watermarkKey(resolution))
    .executeTakeFirst();
  return row ? Number(row.value) : null;
}

export async function writeWatermark(db: Kysely<Database>, resolution: Resolution, at: number, now: number) {
  await db
    .insertInto('key_values')
    .values({ key: watermarkKey(resolution), value: String(at), updated_at: now })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: String(at), updated_at: now }))
    .execute();
}

export function toValue(row: Pick<HistoryRollupTable, 'covered_ms'> & Metrics): RollupValue {
  return { covered: Number(row.covered_ms), values: pickMetrics(row) };
}

/**
 * Each scope's latest row before `before` (what is in force there), optionally for one scope.
 * Rows are carried forward without bound, so "latest" may be weeks back: a loose index scan
 * (next scope, then its latest bucket, by index seeks) avoids reading all rows of all scopes.
 */
export async function rowsInForce(
  db: Kysely<Database>,
  resolution: Resolution,
  before: number,
  scope?: string,
): Promise<Map<string, RollupValue & { bucket: number }>> {
  const scopes =
    scope === undefined
      ? sql`WITH RECURSIVE scopes(scope) AS (
            SELECT (SELECT min(scope) FROM history_rollups WHERE resolution = ${resolution})
            UNION ALL
            SELECT (SELECT min(h.scope) FROM history_rollups h WHERE h.resolution = ${resolution} AND h.scope > s.scope)
            FROM scopes s WHERE s.scope IS NOT NULL
          ) SELECT scope FROM scopes WHERE scope IS NOT NULL`
      : sql`SELECT ${scope} AS scope`;
  const result = await sql<HistoryRollupTable>`
    SELECT r.* FROM (${scopes}) AS s
    JOIN history_rollups r ON r.resolution = ${resolution} AND r.scope = s.scope
      AND r.bucket = (SELECT max(m.bucket) FROM history_rollups m
                      WHERE m.resolution = ${resolution} AND m.scope = s.scope AND m.bucket < ${before})`.execute(
    db,
  );
  const out = new Map<string, RollupValue & { bucket: number }>();
  for (const row of result.rows) out.set(row.scope, { bucket: Number(row.bucket), ...toValue(row) });
  return out;
}

export function insertRollups(db: Kysely<Database>, rows: readonly HistoryRollupTable[]) {
  return inChunks(rows, 14, (chunk) => db.insertInto('history_rollups').values(chunk).execute());
}

export function rollupRow(
  resolution: Resolution,
  scope: string,
  bucket: number,
  value: RollupValue,
): HistoryRollupTable {
  return { resolution, scope, bucket, covered_ms: value.covered, ...value.values };
}
