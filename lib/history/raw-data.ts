import type { Database } from '@/lib/db/schema';
import { FIVE_MINUTES, floorTo } from '@/lib/history/config';
import { pickMetrics } from '@/lib/history/metrics';
import type { TimedMetrics } from '@/lib/history/time-weighted';
import { sql, type Kysely } from 'kysely';
import 'server-only';

export interface RawData {
  /** Sync times, ascending, from `gapMs` before the window (they may vouch for its start). */
  syncs: number[];
  /** Samples per scope, ascending, from the 5-minute bucket of the earliest sync above. */
  samples: Map<string, TimedMetrics[]>;
}

/** Sync times that may vouch for some of [from, to): from `gapMs` before it. */
export async function loadSyncs(
  db: Kysely<Database>,
  window: { from: number; to: number; gapMs: number },
): Promise<number[]> {
  const rows = await db
    .selectFrom('sync_log')
    .select('t')
    .where('t', '>=', window.from - window.gapMs)
    .where('t', '<', window.to)
    .orderBy('t')
    .execute();
  return rows.map((row) => row.t);
}

/** Raw data needed to know every scope's (or one scope's) figures over [from, to). */
export async function loadRaw(
  db: Kysely<Database>,
  window: { from: number; to: number; gapMs: number; scope?: string },
): Promise<RawData> {
  const since = window.from - window.gapMs;
  const syncs = await loadSyncs(db, window);
  let query = db
    .selectFrom('history_samples')
    .selectAll()
    .where('t', '>=', floorTo(since, FIVE_MINUTES))
    .where('t', '<', window.to);
  if (window.scope !== undefined) query = query.where('scope', '=', window.scope);
  const samples = new Map<string, TimedMetrics[]>();
  for (const row of await query.orderBy('t').execute()) {
    const list = samples.get(row.scope);
    const entry = { t: row.t, metrics: pickMetrics(row) };
    if (list) list.push(entry);
    else samples.set(row.scope, [entry]);
  }
  return { syncs, samples };
}

/** The first recorded sync at or after `t` (or at all), or null. */
export async function nextSyncAt(db: Kysely<Database>, t: number | null): Promise<number | null> {
  let query = db.selectFrom('sync_log').select(sql<number | null>`min(t)`.as('t'));
  if (t !== null) query = query.where('t', '>=', t);
  const row = await query.executeTakeFirst();
  return row?.t === null || row?.t === undefined ? null : Number(row.t);
}
