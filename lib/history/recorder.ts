import type { Store } from '@/lib/db/open';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { diffAlerts } from '@/lib/history/alert-diff';
import {
  deleteDeviceStates,
  deleteMemberships,
  inChunks,
  insertDepartures,
  upsertDeviceStates,
  upsertMemberships,
} from '@/lib/history/batch-writes';
import { historyConfig, type HistoryConfig, type HistoryOptions } from '@/lib/history/config';
import { diffDevices } from '@/lib/history/device-diff';
import { writeHistoryEvent, type HistoryEvent } from '@/lib/history/event-history';
import { maintainHistory, type MaintainResult } from '@/lib/history/maintain';
import { diffMemberships } from '@/lib/history/membership-diff';
import { metricsOf } from '@/lib/history/metrics';
import { saveOpenAlerts } from '@/lib/history/open-alerts';
import {
  advanceState,
  lastSyncAt,
  loadRecorderState,
  type RecordedChanges,
  type RecorderState,
} from '@/lib/history/recorder-state';
import { RollupCache } from '@/lib/history/rollup-cache';
import { samplesToWrite } from '@/lib/history/sample-diff';
import { scopeMetrics } from '@/lib/history/scope-metrics';
import 'server-only';

export interface SyncInfo {
  durationMs: number;
  levelRequests: number;
  /** When the figures were true (epoch ms); default the snapshot's `syncedAt`. */
  at?: number;
}

export interface RecordResult {
  /** Wall time of `record` (diffing and the transaction), ms. */
  writeMs: number;
  /** Rows inserted, updated or deleted. */
  rows: number;
  samples: number;
  transitions: number;
  alertEvents: number;
  /** The database already holds a sync at or after this one (a replica recorded it, or a replay). */
  skipped: boolean;
}

/**
 * Writes what each successful sync saw, in one transaction per sync, and keeps the history tidy
 * (`maintain`: rollups and retention). Only the leader replica should use one. Everything it diffs
 * against comes from the database, so a restart or a leader change never invents changes.
 */
export class HistoryRecorder {
  private readonly config: HistoryConfig;
  private state: RecorderState | null = null;
  private readonly rollups = new RollupCache();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    options: HistoryOptions = {},
  ) {
    this.config = historyConfig(options);
  }

  record(snapshot: FleetSnapshot, sync: SyncInfo): Promise<RecordResult> {
    return this.exclusive(() => this.write(snapshot, sync));
  }

  /**
   * Records one change a webhook announced, at the time it happened (lib/history/event-history.ts).
   * In the same queue as the syncs' writes, so the memory the next diff uses already knows it.
   */
  recordEvent(event: HistoryEvent): Promise<boolean> {
    return this.exclusive(async () => {
      try {
        const learn = await this.store.db.transaction().execute((trx) => writeHistoryEvent(trx, event));
        if (learn && this.state) learn(this.state);
        return learn !== null;
      } catch (error) {
        this.state = null;
        throw error;
      }
    });
  }

  /** Rolls up closed buckets and prunes past retention; idempotent, catches up after downtime. */
  maintain(): Promise<MaintainResult> {
    return maintainHistory(this.store.db, this.config, this.rollups, (task) => this.exclusive(task));
  }

  /** One database task at a time: a sync's write never interleaves with a rollup step. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }

  private async write(snapshot: FleetSnapshot, sync: SyncInfo): Promise<RecordResult> {
    const started = performance.now();
    const t = sync.at ?? Date.parse(snapshot.syncedAt);
    if (!Number.isFinite(t)) throw new Error(`History: invalid sync time ${snapshot.syncedAt}`);
    const metrics = scopeMetrics(snapshot);
    const result: RecordResult = {
      writeMs: 0,
      rows: 0,
      samples: 0,
      transitions: 0,
      alertEvents: 0,
      skipped: false,
    };
    try {
      const outcome = await this.store.db.transaction().execute(async (trx) => {
        const last = await lastSyncAt(trx);
        const state =
          this.state && this.state.lastSyncAt === last ? this.state : await loadRecorderState(trx);
        if (last !== null && t <= last) return { state, changes: null };
        const changes: RecordedChanges = {
          t,
          metrics,
          devices: diffDevices(snapshot.devices, state.devices, t, last),
          memberships: diffMemberships(snapshot, state.memberships, (id) => state.devices.get(id)?.seenAt, t),
          alerts: diffAlerts(snapshot.activeAlerts, snapshot.alertById, state.openAlerts, t),
          sampleScopes: samplesToWrite(metrics, state.samples, t),
        };
        await trx
          .insertInto('sync_log')
          .values({
            t,
            duration_ms: Math.round(sync.durationMs),
            devices: snapshot.devices.length,
            level_requests: sync.levelRequests,
          })
          .execute();
        const sampleRows = changes.sampleScopes.map((scope) => ({ scope, t, ...metricsOf(metrics, scope) }));
        result.samples = await inChunks(sampleRows, 12, (chunk) =>
          trx.insertInto('history_samples').values(chunk).execute(),
        );
        result.transitions = await inChunks(changes.devices.transitions, 4, (chunk) =>
          trx.insertInto('device_transitions').values(chunk).execute(),
        );
        result.alertEvents = await inChunks(changes.alerts.events, 6, (chunk) =>
          trx.insertInto('alert_events').values(chunk).execute(),
        );
        const openAlerts = await saveOpenAlerts(trx, changes.alerts, t);
        const states =
          (await upsertDeviceStates(trx, changes.devices.upserts)) +
          (await deleteDeviceStates(trx, changes.devices.removed));
        const memberships =
          (await upsertMemberships(trx, changes.memberships.upserts)) +
          (await deleteMemberships(trx, changes.memberships.deleted)) +
          (await insertDepartures(trx, changes.memberships.departures));
        result.rows =
          1 + result.samples + result.transitions + result.alertEvents + states + openAlerts + memberships;
        return { state, changes };
      });
      // Memory follows the database only once the transaction has committed.
      if (outcome.changes) advanceState(outcome.state, outcome.changes);
      else result.skipped = true;
      this.state = outcome.state;
    } catch (error) {
      this.state = null;
      throw error;
    }
    result.writeMs = performance.now() - started;
    return result;
  }
}
