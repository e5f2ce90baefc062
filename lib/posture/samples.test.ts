import type { Device, DeviceSecurity } from '@/lib/domain/device';
import type { Group } from '@/lib/domain/group';
import { buildSnapshot } from '@/lib/fleet/build-snapshot';
import { historyConfig } from '@/lib/history/config';
import { prune } from '@/lib/history/prune';
import { PostureCache } from '@/lib/posture/posture-cache';
import { writePatches, writeSecurity } from '@/lib/posture/posture-store';
import { readPostureTrend } from '@/lib/posture/report-source';
import { recordPostureSamples } from '@/lib/posture/samples';
import { ENGINES, openTestStore } from '@/testing/stores';
import { describe, expect, it } from 'vitest';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-10T00:00:00Z');

const group = (id: string, name: string): Group => ({
  id,
  parentId: null,
  childIds: [],
  name,
  deviceCount: null,
  descendentDeviceCount: null,
});
const device = (id: string, groupId: string | null) =>
  ({ id, hostname: id, displayName: id, groupId, tags: [], securityScore: null }) as unknown as Device;
const NO_SECURITY: DeviceSecurity = {
  score: null,
  risk: null,
  patchCompliance: null,
  patchSecurityRisk: null,
  osEndOfLife: null,
  primaryPartitionEncrypted: null,
  firewallProvider: null,
  firewallEnabled: null,
  antivirusProvider: null,
  antivirusStatus: null,
};
const patches = (pending: number, failed: number) => ({
  pending,
  failed,
  securityPending: 0,
  installedLast30Days: 0,
  oldestPendingAt: null,
  items: [],
});

describe.each(ENGINES)('daily posture samples on %s', (engine) => {
  it('records the fleet and each client per UTC day (last wins) and prunes with the history retention', async () => {
    const store = await openTestStore(engine);
    let clock = T0 + 8 * 3_600_000;
    try {
      const snapshot = buildSnapshot(
        {
          devices: [device('a1', 'acme'), device('a2', 'acme'), device('b1', 'beta'), device('u1', null)],
          groups: [group('acme', 'Acme'), group('beta', 'Beta')],
          activeAlerts: [],
          recentResolvedAlerts: [],
          tags: [],
        },
        1,
        new Date(clock).toISOString(),
      );
      const cache = new PostureCache(store, () => clock);
      await writePatches(store, 'a1', patches(2, 1), clock);
      await writeSecurity(
        store,
        [
          { deviceId: 'b1', security: { ...NO_SECURITY, risk: 'high', antivirusStatus: 'good' } },
          { deviceId: 'u1', security: null }, // Level sent no security object: still unknown
        ],
        clock,
      );
      expect(await recordPostureSamples(store, snapshot, cache, clock)).toBe(3); // fleet, acme, beta
      // Later the same day a2 is fetched: the day's sample is replaced.
      clock += 3_600_000;
      await writePatches(store, 'a2', patches(0, 0), clock);
      cache.invalidate();
      await recordPostureSamples(store, snapshot, cache, clock);
      // The next day, a1 got patched.
      clock += DAY;
      await writePatches(store, 'a1', patches(0, 0), clock);
      cache.invalidate();
      await recordPostureSamples(store, snapshot, cache, clock);

      const period = { start: T0, end: T0 + 30 * DAY };
      const acme = await readPostureTrend(store, 'acme', period);
      expect(
        acme.map((p) => [p.day, p.figures.patchesKnown, p.figures.fullyPatched, p.figures.failedUpdates]),
      ).toEqual([
        [T0, 2, 1, 1], // a1 (2 pending, 1 failed) + a2 (none pending): the 09:00 sample, not 08:00's
        [T0 + DAY, 2, 2, 0],
      ]);
      const fleet = await readPostureTrend(store, 'fleet', period);
      expect(fleet.map((p) => p.figures.devices)).toEqual([4, 4]); // the ungrouped device counts in the fleet
      expect((await readPostureTrend(store, 'beta', period)).map((p) => p.figures.highRisk)).toEqual([1, 1]);

      // 400 days of hourly-rollup retention: a run 400 days + 1 day after the first sample drops it.
      const later = T0 + 401 * DAY + 1;
      const result = await prune(store.db, historyConfig({ now: () => later }));
      expect(result.postureSamples).toBe(3); // the first day's three scopes
      expect((await readPostureTrend(store, 'acme', { start: 0, end: later })).map((p) => p.day)).toEqual([
        T0 + DAY,
      ]);
    } finally {
      await store.close();
    }
  });
});
