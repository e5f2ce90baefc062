import type { SyncStatus } from '@/lib/domain/fleet';
import { buildSnapshot } from '@/lib/fleet/build-snapshot';
import type { WalkCheck } from '@/lib/fleet/checked-walk';
import { fetchFleet } from '@/lib/fleet/fetch-fleet';
import { dataOf, type FleetData, type FleetSnapshot } from '@/lib/fleet/snapshot';
import type { LevelClient } from '@/lib/level';
import { describeLevelError, isLevelApiError } from '@/lib/level/errors';
import 'server-only';

export interface FleetServiceOptions {
  getClient: () => LevelClient;
  /**
   * Time between syncs; a function when it depends on the fleet (sync-pace.ts: the request
   * budget and fleet size can stretch it). Staleness is judged against the same interval.
   */
  intervalMs: number | (() => number);
  /** Parallel slices for the device walk; match the Level client's concurrency. */
  slices?: number;
  /**
   * Walk the device list serially (trusting nothing but Level's own cursor) at least every this
   * many syncs, even when the sliced walks agree with Level's counts. Default 10; 1 = always.
   */
  fullWalkEvery?: number;
  /** Requests sent to Level so far by this process (to report requests per sync). */
  requestCount: () => number;
  onSynced?: (snapshot: FleetSnapshot, previous: FleetSnapshot | null) => void | Promise<void>;
  onSyncFailed?: (error: unknown, durationMs: number) => void;
  log?: { info: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };
  now?: () => number;
}

/** What a replica needs besides the data to show the same freshness as the syncing one. */
export interface ReplicatedStatus {
  version: number;
  syncedAt: string | null;
  lastAttemptAt: number | null;
  lastError: { message: string; kind: string | null } | null;
  lastDurationMs: number | null;
  lastRequestCount: number | null;
}

export const DEFAULT_FULL_WALK_EVERY = 10;

/** After Level rejects the key, retrying every few seconds only fills Level's logs. */
const UNAUTHORIZED_RETRY_MS = 5 * 60_000;

/**
 * Keeps one shared fleet snapshot fresh: a background loop, one sync at a time (every caller of
 * `syncNow` shares the same run), and the last good snapshot kept through any failure.
 */
export class FleetService {
  private snapshot: FleetSnapshot | null = null;
  private version = 0;
  private inFlight: Promise<FleetSnapshot | null> | null = null;
  /** Admin changes patched in while a sync is in flight (null when none is). */
  private patchesDuringSync: ((data: FleetData) => FleetData)[] | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private failures = 0;
  private lastAttemptAt: number | null = null;
  private lastError: { message: string; kind: string | null } | null = null;
  private lastDurationMs: number | null = null;
  private lastRequestCount: number | null = null;
  private firstSyncProgress: { pagesFetched: number; devicesFetched: number } | null = null;
  private readonly now: () => number;
  private statusRevision = 0;
  /** Bumped by `resync`, so a loop iteration already waiting on a sync does not schedule twice. */
  private loop = 0;
  private nextDueAt: number | null = null;
  /** Syncs since the device list was last walked serially. */
  private syncsSinceSerialWalk = 0;
  private lastWalkCheck: WalkCheck | null = null;

  constructor(private readonly options: FleetServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.runAndSchedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextDueAt = null;
  }

  /**
   * Syncs now and puts the loop back on its normal schedule: the admin just fixed what made syncs
   * back off (a new or re-tested key), so waiting out a 5-minute back-off would only keep data old.
   * A sync already running (perhaps with the old key) is let finish first.
   */
  async resync(): Promise<FleetSnapshot | null> {
    await this.inFlight;
    if (this.stopped) return this.syncNow();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.loop += 1;
    await this.runAndSchedule();
    return this.snapshot;
  }

  /** When the loop's next sync is due (epoch ms), or null when stopped or syncing. */
  nextSyncDueAt(): number | null {
    return this.nextDueAt;
  }

  /**
   * Takes a snapshot synced elsewhere: the leader replica's (followers never call Level), or this
   * process's own last one from the database at start-up (served, marked stale, until a sync).
   */
  restore(data: FleetData | null, status: ReplicatedStatus): void {
    if (data && status.syncedAt) this.snapshot = buildSnapshot(data, status.version, status.syncedAt);
    this.version = Math.max(this.version, status.version);
    this.lastAttemptAt = status.lastAttemptAt;
    this.lastError = status.lastError;
    this.lastDurationMs = status.lastDurationMs;
    this.lastRequestCount = status.lastRequestCount;
    this.statusRevision += 1;
  }

  replicatedStatus(): ReplicatedStatus {
    return {
      version: this.snapshot?.version ?? this.version,
      syncedAt: this.snapshot?.syncedAt ?? null,
      lastAttemptAt: this.lastAttemptAt,
      lastError: this.lastError,
      lastDurationMs: this.lastDurationMs,
      lastRequestCount: this.lastRequestCount,
    };
  }

  /** How the last successful sync's device walk was checked (null before the first). */
  walkCheck(): WalkCheck | null {
    return this.lastWalkCheck;
  }

  current(): FleetSnapshot | null {
    return this.snapshot;
  }

  /**
   * Applies a change Levelboard itself just made in Level (an admin action) to the current
   * snapshot, so viewers see it before the next full sync. `publish`: this process leads, so the
   * patch gets a new version that the other replicas load; a follower patches only its own copy
   * (a local revision, same version) until the leader's next sync supersedes it.
   */
  patch(mutate: (data: FleetData) => FleetData, options: { publish: boolean }): FleetSnapshot | null {
    const current = this.snapshot;
    if (!current) return null;
    // A sync in flight read Level (partly) before this change: it re-applies the patch to what it
    // fetched, or its snapshot would undo the change until the sync after it.
    this.patchesDuringSync?.push(mutate);
    const data = mutate(dataOf(current));
    const next = options.publish
      ? buildSnapshot(data, ++this.version, current.syncedAt)
      : buildSnapshot(data, current.version, current.syncedAt, current.localRevision + 1);
    this.snapshot = next;
    this.statusRevision += 1;
    return next;
  }

  /** Joins the sync in progress, or starts one; never two at once. */
  syncNow(): Promise<FleetSnapshot | null> {
    this.inFlight ??= this.sync().finally(() => {
      this.inFlight = null;
      this.statusRevision += 1;
    });
    return this.inFlight;
  }

  /** Changes whenever anything in `status()` other than the time-based `stale` flag changes. */
  revision(): number {
    return this.statusRevision;
  }

  isStale(): boolean {
    if (!this.snapshot) return true;
    return this.now() - this.syncedAtMs(this.snapshot) > 2 * this.intervalMs();
  }

  /** Every poll asks isStale(); the snapshot's time is parsed once, not per request. */
  private parsedSyncedAt: { snapshot: FleetSnapshot; ms: number } | null = null;

  private syncedAtMs(snapshot: FleetSnapshot): number {
    if (this.parsedSyncedAt?.snapshot !== snapshot)
      this.parsedSyncedAt = { snapshot, ms: Date.parse(snapshot.syncedAt) };
    return this.parsedSyncedAt.ms;
  }

  status(): SyncStatus {
    return {
      syncedAt: this.snapshot?.syncedAt ?? null,
      lastAttemptAt: this.lastAttemptAt === null ? null : new Date(this.lastAttemptAt).toISOString(),
      lastError: this.lastError?.message ?? null,
      lastErrorKind: this.lastError?.kind ?? null,
      stale: this.isStale(),
      syncing: this.inFlight !== null,
      lastDurationMs: this.lastDurationMs,
      lastRequestCount: this.lastRequestCount,
      firstSync: this.snapshot ? null : { pagesFetched: 0, devicesFetched: 0, ...this.firstSyncProgress },
    };
  }

  private async runAndSchedule(): Promise<void> {
    const loop = this.loop;
    this.nextDueAt = null;
    await this.syncNow();
    if (this.stopped || loop !== this.loop) return;
    const delay = this.nextDelayMs();
    this.nextDueAt = this.now() + delay;
    this.timer = setTimeout(() => void this.runAndSchedule(), delay);
    this.timer.unref();
  }

  /** The interval in force now. */
  intervalMs(): number {
    const { intervalMs } = this.options;
    return typeof intervalMs === 'number' ? intervalMs : intervalMs();
  }

  private nextDelayMs(): number {
    const interval = this.intervalMs();
    if (this.failures === 0) return interval;
    if (this.lastError?.kind === 'unauthorized') return Math.max(interval, UNAUTHORIZED_RETRY_MS);
    // Exponential back-off, capped so that recovery is noticed within four intervals at most.
    return Math.min(interval * 2 ** (this.failures - 1), 4 * interval);
  }

  private async sync(): Promise<FleetSnapshot | null> {
    this.patchesDuringSync = [];
    const started = this.now();
    const requestsBefore = this.options.requestCount();
    this.lastAttemptAt = started;
    this.statusRevision += 1;
    const previous = this.snapshot;
    try {
      const fullWalkEvery = Math.max(1, this.options.fullWalkEvery ?? DEFAULT_FULL_WALK_EVERY);
      const { data, check } = await fetchFleet(
        this.options.getClient(),
        {
          active: previous?.activeAlerts ?? [],
          recentResolved: previous?.recentResolvedAlerts ?? [],
          deviceOrder: previous ? previous.devices.map((device) => device.id) : null,
          slices: this.options.slices ?? 4,
          serialWalk: this.syncsSinceSerialWalk + 1 >= fullWalkEvery,
        },
        (progress) => {
          if (this.snapshot) return;
          this.firstSyncProgress = {
            ...progress,
            pagesFetched: this.options.requestCount() - requestsBefore,
          };
          this.statusRevision += 1;
        },
        undefined,
        this.options.log,
      );
      this.lastWalkCheck = check;
      this.syncsSinceSerialWalk =
        check.firstMode === 'serial' || check.walks > 1 ? 0 : this.syncsSinceSerialWalk + 1;
      const patched = this.patchesDuringSync.reduce((current, mutate) => mutate(current), data);
      this.patchesDuringSync = null;
      const next = buildSnapshot(patched, ++this.version, new Date(this.now()).toISOString());
      this.snapshot = next;
      this.failures = 0;
      this.lastError = null;
      this.lastDurationMs = this.now() - started;
      this.lastRequestCount = this.options.requestCount() - requestsBefore;
      this.options.log?.info(
        {
          version: next.version,
          devices: next.devices.length,
          durationMs: this.lastDurationMs,
          requests: this.lastRequestCount,
          walk: check.firstMode,
          walks: check.walks,
          walkAgreed: check.agreed,
        },
        'Fleet synced',
      );
      await this.options.onSynced?.(next, previous);
      return next;
    } catch (error) {
      this.patchesDuringSync = null;
      this.failures += 1;
      this.lastDurationMs = this.now() - started;
      this.lastError = {
        message: describeLevelError(error),
        kind: isLevelApiError(error) ? error.kind : null,
      };
      this.options.log?.warn(
        { failures: this.failures, error: this.lastError.message, kind: this.lastError.kind },
        'Fleet sync failed; keeping the last good snapshot',
      );
      this.options.onSyncFailed?.(error, this.lastDurationMs);
      return this.snapshot;
    }
  }
}
