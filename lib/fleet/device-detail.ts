import type { DeviceDetail } from '@/lib/domain/level';
import type { LevelClient } from '@/lib/level';
import { ALL_DEVICE_INCLUDES } from '@/lib/level/endpoints/devices';
import 'server-only';

const TTL_MS = 60_000;
const MAX_ENTRIES = 500;

interface Entry {
  at: number;
  value: Promise<DeviceDetail>;
}

/**
 * Hardware/OS/security detail is fetched from Level only when someone opens a device, kept about a
 * minute, and shared by every viewer asking for the same device meanwhile (one request per device).
 */
export class DeviceDetailCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly getClient: () => LevelClient,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: string): Promise<DeviceDetail> {
    const hit = this.entries.get(id);
    if (hit && this.now() - hit.at < TTL_MS) return hit.value;
    const value = this.getClient().devices.get(id, ALL_DEVICE_INCLUDES);
    const entry = { at: this.now(), value };
    this.entries.set(id, entry);
    // A failure is not cached: the next viewer tries again.
    value.catch(() => {
      if (this.entries.get(id) === entry) this.entries.delete(id);
    });
    this.evict();
    return value;
  }

  /** After Levelboard changed the device in Level, the next viewer must not see the old copy. */
  forget(id: string): void {
    this.entries.delete(id);
  }

  private evict(): void {
    if (this.entries.size <= MAX_ENTRIES) return;
    const cutoff = this.now() - TTL_MS;
    for (const [id, entry] of this.entries) if (entry.at < cutoff) this.entries.delete(id);
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
