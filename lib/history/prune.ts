import type { Database } from '@/lib/db/schema';
import { DAY, FIVE_MINUTES, floorTo, HOUR, type HistoryConfig } from '@/lib/history/config';
import { OPEN_ALERT_PREFIX } from '@/lib/history/open-alerts';
import { readWatermark, rowsInForce, type Resolution } from '@/lib/history/rollup-store';
import { sql, type Kysely } from 'kysely';
import 'server-only';

export interface PruneResult {
  samples: number;
  syncs: number;
  fiveMinute: number;
  hourly: number;
  transitions: number;
  alertEvents: number;
  /** Daily posture samples (issue 20), kept as long as hourly rollups. */
  postureSamples: number;
  /** Devices leaving a client (issue 20's "removed in the period"), kept as long as transitions. */
  departures: number;
}

const count = (result: { numDeletedRows: bigint }[]) =>
  result.reduce((sum, r) => sum + Number(r.numDeletedRows), 0);

/**
 * Drops rollup rows before `cutoff`. The row in force at the cutoff is moved onto it first, so
 * carrying forward still works from the first kept bucket (unless it said "no data" anyway).
 */
async function pruneRollups(db: Kysely<Database>, resolution: Resolution, cutoff: number) {
  const stale = await db
    .selectFrom('history_rollups')
    .select('bucket')
    .where('resolution', '=', resolution)
    .where('bucket', '<', cutoff)
    .limit(1)
    .executeTakeFirst();
  if (!stale) return 0;
  const atCutoff = new Set(
    (
      await db
        .selectFrom('history_rollups')
        .select('scope')
        .where('resolution', '=', resolution)
        .where('bucket', '=', cutoff)
        .execute()
    ).map((row) => row.scope),
  );
  for (const [scope, row] of await rowsInForce(db, resolution, cutoff)) {
    if (atCutoff.has(scope) || row.covered === 0) continue;
    await db
      .updateTable('history_rollups')
      .set({ bucket: cutoff })
      .where('resolution', '=', resolution)
      .where('scope', '=', scope)
      .where('bucket', '=', row.bucket)
      .execute();
  }
  return count(
    await db
      .deleteFrom('history_rollups')
      .where('resolution', '=', resolution)
      .where('bucket', '<', cutoff)
      .execute(),
  );
}

/**
 * Applies the retention. Never removes what a rollup still needs: raw data stays until its
 * 5-minute buckets are rolled up, 5-minute rows until their hour is. Cut-offs move in whole
 * hours (5-minute rows) and days (hourly rows) so that each scope's carried row moves rarely.
 */
export async function prune(db: Kysely<Database>, config: HistoryConfig): Promise<PruneResult> {
  const now = config.now();
  const { retention } = config;
  return db.transaction().execute(async (trx) => {
    const fiveMinuteEnd = (await readWatermark(trx, '5m')) ?? -Infinity;
    const hourlyEnd = (await readWatermark(trx, '1h')) ?? -Infinity;
    // A 5-minute rollup reads syncs up to `gapMs` before its bucket and samples from that bucket.
    const rawCutoff = Math.min(
      floorTo(now - retention.rawMs, FIVE_MINUTES),
      floorTo(fiveMinuteEnd - config.gapMs, FIVE_MINUTES) - FIVE_MINUTES,
    );
    const fiveMinuteCutoff = Math.min(floorTo(now - retention.fiveMinuteMs, HOUR), floorTo(hourlyEnd, HOUR));
    const hourlyCutoff = Math.min(floorTo(now - retention.hourlyMs, DAY), floorTo(hourlyEnd, DAY));
    const eventCutoff = now - retention.eventsMs;

    const result: PruneResult = {
      samples: 0,
      syncs: 0,
      fiveMinute: 0,
      hourly: 0,
      transitions: 0,
      alertEvents: 0,
      postureSamples: 0,
      departures: 0,
    };
    if (Number.isFinite(rawCutoff)) {
      result.samples = count(await trx.deleteFrom('history_samples').where('t', '<', rawCutoff).execute());
      result.syncs = count(await trx.deleteFrom('sync_log').where('t', '<', rawCutoff).execute());
    }
    if (Number.isFinite(fiveMinuteCutoff))
      result.fiveMinute = await pruneRollups(trx, '5m', fiveMinuteCutoff);
    if (Number.isFinite(hourlyCutoff)) result.hourly = await pruneRollups(trx, '1h', hourlyCutoff);
    result.transitions = count(
      await trx.deleteFrom('device_transitions').where('at', '<', eventCutoff).execute(),
    );
    result.departures = count(
      await trx.deleteFrom('client_departures').where('left_at', '<', eventCutoff).execute(),
    );
    result.postureSamples = count(
      await trx
        .deleteFrom('posture_samples')
        .where('day', '<', floorTo(now - retention.hourlyMs, DAY))
        .execute(),
    );
    // An alert still open keeps its events however old: the `opened` one says when it started.
    result.alertEvents = count(
      await trx
        .deleteFrom('alert_events')
        .where('at', '<', eventCutoff)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('key_values')
                .select('key')
                .where('key', '=', sql<string>`${OPEN_ALERT_PREFIX} || alert_events.alert_id`),
            ),
          ),
        )
        .execute(),
    );
    return result;
  });
}
