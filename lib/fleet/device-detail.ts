import type { DeviceDetail } from '@/lib/domain/level';
import type { LevelClient } from '@/lib/level';
import { ALL_DEVICE_INCLUDES } from '@/lib/level/endpoints/devices';
import { describeLevelError } from '@/lib/level/errors';
import 'server-only';

// Hardware/OS/security detail is fetched from Level only when someone opens a device. It shares
// Level's budget with the fleet sync, so it is fetched in the client's `demand` lane (behind every
// sync request), once per device however many ask (coalesced), kept a minute, and limited per
// caller: one share link opening hundreds of devices gets the copies already here, not new
// requests. When Level fails, the last good copy is served with its age.

export interface DetailRead {
  detail: DeviceDetail | null;
  /** When Level returned `detail` (ISO); older than a minute when it is a fallback. */
  detailFetchedAt: string | null;
  /** Why no fresh detail: Level failed, or this caller's limit was reached. */
  detailError: string | null;
  /** True when `detailError` is Level's own failure (its text is for the admin only). */
  upstreamError: boolean;
}

export interface DeviceDetailOptions {
  now?: () => number;
  /** A copy younger than this is served without asking Level. Default 60 000. */
  ttlMs?: number;
  /** A copy younger than this is served when Level fails or a caller is over its limit. Default 24 h. */
  keepMs?: number;
  /** Fresh fetches one caller (an admin, a share link) may cause per minute. Default 30. */
  perCallerPerMinute?: number;
  /** A fetch still queued or running after this is given up (the page keeps the snapshot). Default 20 000. */
  timeoutMs?: number;
  maxEntries?: number;
}

interface Entry {
  value: DeviceDetail | null;
  at: number;
  inFlight: Promise<DeviceDetail> | null;
}

const WINDOW_MS = 60_000;
const MAX_CALLERS = 10_000;

export class DeviceDetailCache {
  private readonly entries = new Map<string, Entry>();
  private readonly callers = new Map<string, number[]>();
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly keepMs: number;
  private readonly perCaller: number;
  private readonly timeoutMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly getClient: () => LevelClient,
    options: DeviceDetailOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.keepMs = options.keepMs ?? 24 * 60 * 60_000;
    this.perCaller = options.perCallerPerMinute ?? 30;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxEntries = options.maxEntries ?? 2_000;
  }

  /** `caller` names who asks (`admin`, `link:<id>`): the unit of the per-minute limit. */
  async read(id: string, caller: string): Promise<DetailRead> {
    const entry = this.entries.get(id);
    if (entry?.value && this.now() - entry.at < this.ttlMs) return this.fresh(entry);
    // Joining a fetch already in flight costs Level nothing, so it does not count.
    if (entry?.inFlight) return this.settle(id, entry.inFlight);
    if (!this.allow(caller)) {
      return this.fallback(
        id,
        'Too many device details opened from this session in the last minute; showing what is already known.',
        false,
      );
    }
    return this.settle(id, this.fetch(id));
  }

  /** After Levelboard changed the device in Level, the next viewer must not see the old copy. */
  forget(id: string): void {
    this.entries.delete(id);
  }

  private fetch(id: string): Promise<DeviceDetail> {
    const previous = this.entries.get(id);
    const entry: Entry = { value: previous?.value ?? null, at: previous?.at ?? 0, inFlight: null };
    const inFlight = this.getClient()
      .devices.get(id, ALL_DEVICE_INCLUDES, { lane: 'demand', signal: AbortSignal.timeout(this.timeoutMs) })
      .then((value) => {
        entry.value = value;
        entry.at = this.now();
        return value;
      })
      .finally(() => {
        entry.inFlight = null;
      });
    entry.inFlight = inFlight;
    this.entries.delete(id);
    this.entries.set(id, entry);
    this.evict();
    return inFlight;
  }

  private async settle(id: string, inFlight: Promise<DeviceDetail>): Promise<DetailRead> {
    try {
      const value = await inFlight;
      const entry = this.entries.get(id);
      return {
        detail: value,
        detailFetchedAt: new Date(entry?.at ?? this.now()).toISOString(),
        detailError: null,
        upstreamError: false,
      };
    } catch (error) {
      return this.fallback(id, describeLevelError(error), true);
    }
  }

  private fresh(entry: Entry): DetailRead {
    return {
      detail: entry.value,
      detailFetchedAt: new Date(entry.at).toISOString(),
      detailError: null,
      upstreamError: false,
    };
  }

  /** The last good copy (stale-if-error), or none, with the reason there is no fresh one. */
  private fallback(id: string, reason: string, upstreamError: boolean): DetailRead {
    const entry = this.entries.get(id);
    if (entry?.value && this.now() - entry.at < this.keepMs)
      return {
        detail: entry.value,
        detailFetchedAt: new Date(entry.at).toISOString(),
        detailError: reason,
        upstreamError,
      };
    return { detail: null, detailFetchedAt: null, detailError: reason, upstreamError };
  }

  /** Sliding one-minute window of fresh fetches per caller. */
  private allow(caller: string): boolean {
    const now = this.now();
    const starts = (this.callers.get(caller) ?? []).filter((at) => at > now - WINDOW_MS);
    if (starts.length >= this.perCaller) {
      this.callers.set(caller, starts);
      return false;
    }
    starts.push(now);
    this.callers.delete(caller);
    this.callers.set(caller, starts);
    if (this.callers.size > MAX_CALLERS) {
      const oldest = this.callers.keys().next().value;
      if (oldest !== undefined) this.callers.delete(oldest);
    }
    return true;
  }

  private evict(): void {
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
