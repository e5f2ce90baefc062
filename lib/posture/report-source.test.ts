import type { Device, DeviceSecurity } from '@/lib/domain/device';
import type { Group } from '@/lib/domain/group';
import type { DevicePatchSummary } from '@/lib/domain/posture';
import { buildSnapshot } from '@/lib/fleet/build-snapshot';
import { emptyFigures } from '@/lib/posture/figures';
import { writePatches, writePostureSamples, writeSecurity } from '@/lib/posture/posture-store';
import { readClientPosture, readPostureTrend } from '@/lib/posture/report-source';
import { ENGINES, openTestStore } from '@/testing/stores';
import { describe, expect, it } from 'vitest';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');

const group = (id: string, parentId: string | null, name: string): Group => ({
  id,
  parentId,
  childIds: [],
  name,
  deviceCount: null,
  descendentDeviceCount: null,
});
const device = (id: string, groupId: string, securityScore: number | null = null) =>
  ({
    id,
    hostname: id,
    displayName: id,
    groupId,
    tags: [],
    online: true,
    maintenanceMode: false,
    securityScore,
  }) as unknown as Device;

const security = (over: Partial<DeviceSecurity>): DeviceSecurity => ({
  score: 80,
  risk: 'low',
  patchCompliance: true,
  patchSecurityRisk: 'none',
  osEndOfLife: false,
  primaryPartitionEncrypted: true,
  firewallProvider: 'Windows Defender Firewall',
  firewallEnabled: true,
  antivirusProvider: 'Microsoft Defender Antivirus',
  antivirusStatus: 'good',
  ...over,
});
const patches = (
  pending: number,
  failed: number,
  securityPending: number,
  oldest: string | null,
): DevicePatchSummary => ({
  pending,
  failed,
  securityPending,
  installedLast30Days: 1,
  oldestPendingAt: oldest,
  items: [],
});

describe.each(ENGINES)('posture report source on %s', (engine) => {
  it('sums a client tree (sub-groups included) from stored rows; unfetched devices count as unknown', async () => {
    const store = await openTestStore(engine);
    try {
      const groups = [
        group('acme', null, 'Acme'),
        { ...group('acme-hq', 'acme', 'HQ') },
        group('other', null, 'Other'),
      ];
      groups[0]!.childIds = ['acme-hq'];
      const snapshot = buildSnapshot(
        {
          devices: [
            device('a1', 'acme', 70),
            device('a2', 'acme-hq'),
            device('a3', 'acme-hq', 55),
            device('o1', 'other'),
          ],
          groups,
          activeAlerts: [],
          recentResolvedAlerts: [],
          tags: [],
        },
        1,
        new Date(T0).toISOString(),
      );
      await writeSecurity(
        store,
        [
          { deviceId: 'a1', security: security({ score: 90, risk: 'low' }) },
          {
            deviceId: 'a2',
            security: security({
              score: 30,
              risk: 'Critical',
              antivirusStatus: 'disabled',
              firewallEnabled: false,
              primaryPartitionEncrypted: false,
              osEndOfLife: true,
            }),
          },
          { deviceId: 'o1', security: security({ risk: 'high' }) },
        ],
        T0,
      );
      await writePatches(store, 'a1', patches(0, 0, 0, null), T0);
      await writePatches(store, 'a2', patches(3, 1, 2, '2026-10-01T00:00:00.000Z'), T0);
      const { figures, devices } = await readClientPosture(store, snapshot, 'acme');
      expect(devices.map((d) => d.deviceId)).toEqual(['a1', 'a2', 'a3']);
      // a3 has no row: its posture is unknown, but the device's own security_score (55) still counts.
      expect(devices[2]!.posture).toMatchObject({
        risk: 'unknown',
        antivirus: 'unknown',
        patches: null,
        securityScore: 55,
      });
      expect(figures).toEqual({
        ...emptyFigures(),
        devices: 3,
        securityKnown: 2, // a1, a2
        securityScoreSum: 90 + 30 + 55, // Level's security score wins over security_score; a3 falls back
        securityScoreCount: 3,
        highRisk: 1, // a2 ('Critical' counts as high or worse; o1 is another client's)
        antivirusBad: 1,
        firewallOff: 1,
        unencrypted: 1,
        osEndOfLife: 1,
        patchesKnown: 2,
        fullyPatched: 1,
        pendingUpdates: 3,
        failedUpdates: 1,
        securityPendingUpdates: 2,
        devicesWithFailed: 1,
        oldestPendingAt: '2026-10-01T00:00:00.000Z',
      });
      expect((await readClientPosture(store, snapshot, 'acme-hq')).devices).toEqual([]); // not a client
    } finally {
      await store.close();
    }
  });

  it('keeps the last sample of each UTC day and reads a period oldest first', async () => {
    const store = await openTestStore(engine);
    try {
      const f = (devices: number) => ({ ...emptyFigures(), devices });
      await writePostureSamples(store, [{ scope: 'fleet', figures: f(1) }], T0 + 1_000);
      await writePostureSamples(store, [{ scope: 'fleet', figures: f(2) }], T0 + 23 * 3_600_000); // same day, later: wins
      await writePostureSamples(store, [{ scope: 'fleet', figures: f(9) }], T0 + 500); // same day, older: ignored
      await writePostureSamples(
        store,
        [
          { scope: 'fleet', figures: f(3) },
          { scope: 'acme', figures: f(7) },
        ],
        T0 + DAY + 5,
      );
      await writePostureSamples(store, [{ scope: 'fleet', figures: f(4) }], T0 + 3 * DAY);
      const trend = await readPostureTrend(store, 'fleet', { start: T0, end: T0 + 3 * DAY });
      expect(trend.map((p) => [p.day, p.figures.devices])).toEqual([
        [T0, 2],
        [T0 + DAY, 3],
      ]); // day 3 is outside [start, end); day 2 had no sample and is absent
      expect(
        (await readPostureTrend(store, 'acme', { start: T0, end: T0 + 30 * DAY })).map(
          (p) => p.figures.devices,
        ),
      ).toEqual([7]);
    } finally {
      await store.close();
    }
  });
});
