import type { Store } from '@/lib/db/open';
import type { Device } from '@/lib/domain/device';
import type { DevicePosture } from '@/lib/domain/posture';
import { toDevicePosture } from '@/lib/posture/derive';
import { readPostures, type StoredPosture } from '@/lib/posture/posture-store';
import 'server-only';

const FRESH_MS = 30_000;
const FULL_RELOAD_MS = 3_600_000;

/**
 * Every replica's in-memory copy of `device_posture`, for the device list and the tiles (a 50,000
 * row read per request would be far too slow). Refreshed on read when older than 30 s, reading only
 * rows written since the newest it holds; fully reloaded hourly so deleted devices' rows go.
 */
export class PostureCache {
  private rows = new Map<string, StoredPosture>();
  private loadedAt = -Infinity;
  private fullAt = -Infinity;
  private newest = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves once the copy is at most 30 s old (one read at a time, shared by callers). */
  async fresh(): Promise<this> {
    const now = this.now();
    if (now - this.loadedAt < FRESH_MS) return this;
    this.loading ??= this.load(now).finally(() => {
      this.loading = null;
    });
    await this.loading;
    return this;
  }

  /**
   * The copy as it is, for a request's fast path: starts a refresh in the background when it is
   * older than 30 s (that request answers from the previous copy; the next sees the new one).
   */
  current(): this {
    if (this.now() - this.loadedAt >= FRESH_MS) void this.fresh().catch(() => {});
    return this;
  }

  /** Changes whenever the copy does: part of the ETag of answers that show posture. */
  get version(): number {
    return this.newest;
  }

  /** Makes the next `fresh()` read again (the leader calls it after writing). */
  invalidate(): void {
    this.loadedAt = -Infinity;
  }

  private async load(now: number): Promise<void> {
    const full = now - this.fullAt >= FULL_RELOAD_MS;
    // `>=` the newest time held: a row written in the same millisecond after our read is not lost.
    const rows = await readPostures(this.store, full ? undefined : this.newest - 1);
    if (full) this.rows = new Map();
    for (const row of rows) {
      this.rows.set(row.deviceId, row);
      this.newest = Math.max(this.newest, row.securitySyncedAt ?? 0, row.patchesSyncedAt ?? 0);
    }
    if (full) this.fullAt = now;
    this.loadedAt = now;
  }

  stored(deviceId: string): StoredPosture | undefined {
    return this.rows.get(deviceId);
  }

  posture(device: Pick<Device, 'id' | 'securityScore'>): DevicePosture {
    const row = this.rows.get(device.id);
    return toDevicePosture({
      security: row?.security ?? null,
      securitySyncedAt: row?.securitySyncedAt ?? null,
      patches: row?.patches ?? null,
      patchesSyncedAt: row?.patchesSyncedAt ?? null,
      fallbackScore: device.securityScore,
    });
  }
}
