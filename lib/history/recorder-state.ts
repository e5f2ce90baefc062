import type { Database } from '@/lib/db/schema';
import type { AlertEventRow, OpenAlert } from '@/lib/history/alert-diff';
import { FIVE_MINUTES, floorTo } from '@/lib/history/config';
import type { DeviceDiff, DeviceState } from '@/lib/history/device-diff';
import { membershipOf, type Membership, type MembershipDiff } from '@/lib/history/membership-diff';
import { metricsOf, pickMetrics, type Metrics } from '@/lib/history/metrics';
import { loadOpenAlerts } from '@/lib/history/open-alerts';
import type { LastSample } from '@/lib/history/sample-diff';
import { sql, type Kysely } from 'kysely';
import 'server-only';

/**
 * The recorder's working memory, always loaded from the database (at start, after a failed write,
 * or when another replica recorded in between) so that a restart continues where the database is.
 */
export interface RecorderState {
  lastSyncAt: number | null;
  devices: Map<string, DeviceState>;
  /** Each listed device's client, name and class (for the report's devices removed). */
  memberships: Map<string, Membership>;
  /** The latest sample per scope in the bucket of the last sync (older ones never suppress a write). */
  samples: Map<string, LastSample>;
  openAlerts: Map<string, OpenAlert>;
}

export async function lastSyncAt(db: Kysely<Database>): Promise<number | null> {
  const row = await db
    .selectFrom('sync_log')
    .select(sql<number | null>`max(t)`.as('t'))
    .executeTakeFirst();
  return row?.t === null || row?.t === undefined ? null : Number(row.t);
}

export async function loadRecorderState(db: Kysely<Database>): Promise<RecorderState> {
  const last = await lastSyncAt(db);
  const devices = new Map<string, DeviceState>();
  for (const row of await db.selectFrom('device_states').selectAll().execute()) {
    devices.set(row.device_id, { status: row.status, since: row.since, seenAt: row.seen_at });
  }
  const memberships = new Map<string, Membership>();
  for (const row of await db.selectFrom('device_memberships').selectAll().execute())
    memberships.set(row.device_id, membershipOf(row));

  const samples = new Map<string, LastSample>();
  if (last !== null) {
    const rows = await db
      .selectFrom('history_samples')
      .selectAll()
      .where('t', '>=', floorTo(last, FIVE_MINUTES))
      .orderBy('t')
      .execute();
    for (const row of rows) samples.set(row.scope, { t: row.t, metrics: pickMetrics(row) });
  }

  const openAlerts = await loadOpenAlerts(db);
  return { lastSyncAt: last, devices, memberships, samples, openAlerts };
}

/** What one sync wrote, to be applied to the state once its transaction has committed. */
export interface RecordedChanges {
  t: number;
  metrics: ReadonlyMap<string, Metrics>;
  devices: DeviceDiff;
  memberships: MembershipDiff;
  alerts: { events: AlertEventRow[]; opened: OpenAlert[]; resolved: string[] };
  sampleScopes: string[];
}

export function advanceState(state: RecorderState, changes: RecordedChanges): void {
  const { t, metrics, devices, alerts } = changes;
  for (const row of devices.upserts)
    state.devices.set(row.device_id, { status: row.status, since: row.since, seenAt: row.seen_at });
  for (const id of devices.removed) state.devices.delete(id);
  for (const row of changes.memberships.upserts) state.memberships.set(row.device_id, membershipOf(row));
  for (const id of changes.memberships.deleted) state.memberships.delete(id);
  for (const entry of alerts.opened) state.openAlerts.set(entry.alertId, entry);
  for (const id of alerts.resolved) state.openAlerts.delete(id);
  // A scope that vanished (a deleted group) starts afresh with a sample if it ever returns.
  for (const scope of state.samples.keys()) if (!metrics.has(scope)) state.samples.delete(scope);
  for (const scope of changes.sampleScopes)
    state.samples.set(scope, { t, metrics: metricsOf(metrics, scope) });
  state.lastSyncAt = t;
}
