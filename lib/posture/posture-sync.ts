import type { Store } from '@/lib/db/open';
import type { DeviceSecurity } from '@/lib/domain/device';
import type { Update } from '@/lib/domain/update';
import type { LevelClient } from '@/lib/level';
import { LevelForbiddenError, LevelNotFoundError } from '@/lib/level/errors';
import { summarisePatches } from '@/lib/posture/derive';
import {
  deletePostures,
  lastSecurityWalk,
  readPatchTimes,
  writePatches,
  writeSecurity,
} from '@/lib/posture/posture-store';
import 'server-only';

// The posture sync's cadence (docs/ARCHITECTURE.md, "Patch and security posture"):
// - security: one walk of the device list with `include_security` every `securityEveryMs`
//   (default 6 h): 1 request per 100 devices. Security posture moves over days, not minutes.
// - updates: `/v2/updates?device_id=` per device, each device at most once per `patchesEveryMs`
//   (default 24 h), at its own minute of the day (a hash of its id), so the day's requests are
//   spread evenly (about N / 1440 a minute) instead of N at once. A device never fetched is
//   fetched in a first pass at once. Updates are published monthly and installed over days; a
//   day-old patch state is what a report needs.
// Every request goes through the `background` lane of the request gate: behind the fleet sync
// and the viewers, within a small share of the minute's budget.

export type PostureLevel = Pick<LevelClient, 'devices' | 'updates'>;

export interface PostureSyncOptions {
  store: Store;
  client: () => PostureLevel;
  /** The fleet's current device ids (from the snapshot); null before the first fleet sync. */
  deviceIds: () => readonly string[] | null;
  now?: () => number;
  securityEveryMs?: number;
  patchesEveryMs?: number;
  /** How often `tick` is called; sets the per-tick slice of due devices. */
  tickMs?: number;
  /** Called after rows were written (cache invalidation, samples). */
  onWritten?: () => void;
  log?: { warn: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void };
}

/** What the sync knows about `/v2/updates` on this Level account. */
export interface UpdatesAvailability {
  state: 'unknown' | 'available' | 'not-available';
  /** While not available: when it is asked again (epoch ms). */
  retryAt: number | null;
}

export const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const MAX_UPDATES_PER_DEVICE = 500;
/** A tick takes up to twice the even share of due devices: slots cluster by chance, and a backlog after downtime drains. */
const SPREAD_SLACK = 2;
const FIRST_PASS_PER_TICK = 200;
const WALK_RETRY_MS = 15 * 60_000;
const UNAVAILABLE_FIRST_MS = 6 * HOUR_MS;

/** A device's minute of the day for its updates, from its id: spreads the fleet evenly over the day. */
function slotOf(deviceId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < deviceId.length; i++) hash = Math.imul(hash ^ deviceId.charCodeAt(i), 0x01000193);
  return ((hash >>> 0) % 1440) * 60_000;
}

/** The first time of the device's slot at least `everyMs` after its last fetch. */
function nextSlot(deviceId: string, lastFetch: number, everyMs: number): number {
  const earliest = lastFetch + everyMs;
  const slot = Math.floor(earliest / DAY_MS) * DAY_MS + slotOf(deviceId);
  return slot >= earliest ? slot : slot + DAY_MS;
}

export class PostureSync {
  private readonly securityEveryMs: number;
  private readonly patchesEveryMs: number;
  private readonly tickMs: number;
  private readonly now: () => number;
  private patchTimes: Map<string, number> | null = null;
  private lastWalk: number | null = null;
  private nextWalkAttempt = 0;
  private unavailableFor = 0;
  private availability: UpdatesAvailability = { state: 'unknown', retryAt: null };

  constructor(private readonly options: PostureSyncOptions) {
    this.securityEveryMs = options.securityEveryMs ?? 6 * HOUR_MS;
    this.patchesEveryMs = Math.max(DAY_MS, options.patchesEveryMs ?? DAY_MS);
    this.tickMs = options.tickMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  updatesAvailability(): UpdatesAvailability {
    return { ...this.availability };
  }

  /** One round: the security walk when due, then this tick's slice of due devices' updates. */
  async tick(): Promise<{ walked: boolean; devicesFetched: number }> {
    const ids = this.options.deviceIds();
    if (ids === null) return { walked: false, devicesFetched: 0 };
    if (this.patchTimes === null) {
      // Restored from the database, so a restart does not fetch every device again.
      this.patchTimes = await readPatchTimes(this.options.store);
      this.lastWalk = await lastSecurityWalk(this.options.store);
    }
    const walked = await this.walkIfDue(ids);
    const devicesFetched = await this.fetchDueUpdates(ids);
    return { walked, devicesFetched };
  }

  private async walkIfDue(ids: readonly string[]): Promise<boolean> {
    const now = this.now();
    if (this.lastWalk !== null && now - this.lastWalk < this.securityEveryMs) return false;
    if (now < this.nextWalkAttempt) return false;
    this.nextWalkAttempt = now + WALK_RETRY_MS;
    const seen = new Set<string>();
    let page: Array<{ deviceId: string; security: DeviceSecurity | null }> = [];
    try {
      for await (const device of this.options
        .client()
        .devices.list({}, { include: { security: true }, lane: 'background' })) {
        seen.add(device.id);
        page.push({ deviceId: device.id, security: device.security ?? null });
        if (page.length >= 100) {
          await writeSecurity(this.options.store, page, now);
          page = [];
        }
      }
      await writeSecurity(this.options.store, page, now);
    } catch (error) {
      this.options.log?.warn({ error: String(error) }, 'Posture: the security walk failed; retrying later');
      this.options.onWritten?.();
      return false;
    }
    // Rows of devices neither Level nor the snapshot still lists are dropped.
    const current = new Set(ids);
    const stale = [...(await this.storedIds())].filter((id) => !seen.has(id) && !current.has(id));
    await deletePostures(this.options.store, stale);
    for (const id of stale) this.patchTimes?.delete(id);
    this.lastWalk = now;
    this.options.onWritten?.();
    return true;
  }

  private async storedIds(): Promise<string[]> {
    const rows = await this.options.store.db.selectFrom('device_posture').select('device_id').execute();
    return rows.map((r) => r.device_id);
  }

  /**
   * Devices never fetched first (a first pass of up to FIRST_PASS_PER_TICK a tick, so a new
   * install shows patch data within minutes rather than a day), then those whose next slot has
   * come, earliest first, at most twice the even share a tick.
   */
  private dueDevices(ids: readonly string[], now: number): string[] {
    const times = this.patchTimes ?? new Map<string, number>();
    const fresh: string[] = [];
    const due: Array<[string, number]> = [];
    for (const id of ids) {
      const at = times.get(id);
      if (at === undefined) {
        if (fresh.length < FIRST_PASS_PER_TICK) fresh.push(id);
        continue;
      }
      const next = nextSlot(id, at, this.patchesEveryMs);
      if (now >= next) due.push([id, next]);
    }
    const slice = Math.ceil((ids.length * this.tickMs * SPREAD_SLACK) / this.patchesEveryMs);
    return [
      ...fresh,
      ...due
        .sort((a, b) => a[1] - b[1])
        .slice(0, slice)
        .map(([id]) => id),
    ];
  }

  private async fetchDueUpdates(ids: readonly string[]): Promise<number> {
    const now = this.now();
    if (this.availability.state === 'not-available' && now < (this.availability.retryAt ?? 0)) return 0;
    let fetched = 0;
    for (const deviceId of this.dueDevices(ids, now)) {
      let updates: Update[];
      try {
        updates = await this.deviceUpdates(deviceId);
      } catch (error) {
        if (error instanceof LevelForbiddenError || error instanceof LevelNotFoundError) {
          if (await this.deviceGone(error)) {
            // Deleted since the snapshot: not asked again until its turn tomorrow.
            this.patchTimes?.set(deviceId, now);
            continue;
          }
          this.markUnavailable(now);
          break;
        }
        this.options.log?.warn({ error: String(error), deviceId }, 'Posture: could not fetch updates');
        break;
      }
      await writePatches(this.options.store, deviceId, summarisePatches(updates, now), now);
      this.patchTimes?.set(deviceId, now);
      this.availability = { state: 'available', retryAt: null };
      this.unavailableFor = 0;
      fetched += 1;
    }
    if (fetched > 0) this.options.onWritten?.();
    return fetched;
  }

  private async deviceUpdates(deviceId: string): Promise<Update[]> {
    const out: Update[] = [];
    for await (const update of this.options.client().updates.list({ deviceId }, { lane: 'background' })) {
      out.push(update);
      // A device with years of installed updates: the newest pages are not needed for a summary.
      if (out.length >= MAX_UPDATES_PER_DEVICE) break;
    }
    return out;
  }

  /** A 404 for one device is that device gone when the unfiltered list still answers. */
  private async deviceGone(error: unknown): Promise<boolean> {
    if (!(error instanceof LevelNotFoundError)) return false;
    try {
      for await (const _ of this.options.client().updates.list({}, { lane: 'background' })) break;
      return true;
    } catch {
      return false;
    }
  }

  /** Plan-dependent (REFERENCE §6.6): asked again after 6 h, then 12 h, then daily. */
  private markUnavailable(now: number): void {
    this.unavailableFor = Math.min(
      DAY_MS,
      this.unavailableFor === 0 ? UNAVAILABLE_FIRST_MS : this.unavailableFor * 2,
    );
    this.availability = { state: 'not-available', retryAt: now + this.unavailableFor };
    this.options.log?.info(
      { retryInMs: this.unavailableFor },
      'Posture: /v2/updates is not available to this API key',
    );
  }
}
