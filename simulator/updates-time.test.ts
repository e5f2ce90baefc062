import { boot, type Harness, type JsonRecord } from '@/testing/simulator-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-02T09:00:00Z');
let clock = T0;
let h: Harness;
beforeAll(async () => {
  h = await boot({ devices: 400, seed: 7, now: () => clock });
});
afterAll(() => h.sim.close());

const pendingIds = (updates: JsonRecord[]) => new Set(updates.filter((u) => u.is_available).map((u) => u.id));

describe('updates and security over time', () => {
  it('releases, installs and keeps a few laggards pending with an error; the security object follows', async () => {
    clock = T0;
    const first = await h.walk('/updates');
    const firstPending = pendingIds(first);
    expect(first.some((u) => u.is_available && typeof u.error === 'string')).toBe(true);
    expect(first.some((u) => !u.is_available && typeof u.installed_on === 'string')).toBe(true);
    expect(first.every((u) => (u.kb_ids as unknown[]).every((k) => typeof k === 'string'))).toBe(true);

    // Ten days on: some of what was pending has been installed, nothing installed went back.
    clock = T0 + 10 * DAY;
    const later = await h.walk('/updates');
    expect(later.map((u) => u.id)).toEqual(first.map((u) => u.id));
    const laterPending = pendingIds(later);
    const installedSince = [...firstPending].filter((id) => !laterPending.has(id));
    expect(installedSince.length).toBeGreaterThan(0);
    for (const u of later.filter((x) => !x.is_available))
      expect(Date.parse(String(u.installed_on))).toBeLessThanOrEqual(clock);

    // A month on, new monthly releases are published (and are pending on most devices at first).
    clock = T0 + 31 * DAY;
    const month = await h.walk('/updates?category=Security%20Updates');
    const newest = Math.max(...month.map((u) => Date.parse(String(u.published_on))));
    expect(newest).toBeGreaterThan(T0);

    // The device list's security object agrees with the device's updates at the same instant.
    const devices = await h.walk('/devices?include_security=true');
    const byDevice = new Map<string, JsonRecord[]>();
    for (const u of month)
      byDevice.set(String(u.device_id), [...(byDevice.get(String(u.device_id)) ?? []), u]);
    for (const d of devices.slice(0, 200)) {
      const security = d.security as JsonRecord;
      expect(security.score).toBe(d.security_score);
      const pending = (byDevice.get(String(d.id)) ?? []).filter((u) => u.is_available);
      expect(security.patch_security_risk).toBe(
        pending.some((u) => u.error !== null || clock - Date.parse(String(u.published_on)) > 30 * DAY)
          ? 'high'
          : pending.length > 0
            ? 'low'
            : 'none',
      );
    }
  });
});
