import type { Store } from '@/lib/db/open';
import type { DeviceRole, DeviceSecurity } from '@/lib/domain/device';
import type { DevicePatchSummary } from '@/lib/domain/posture';
import { buildSnapshot } from '@/lib/fleet/build-snapshot';
import { emptyFigures } from '@/lib/posture/figures';
import { writePatches, writePostureSamples, writeSecurity } from '@/lib/posture/posture-store';
import { makeDevice, makeGroup } from '@/testing/history-fleet';
import {
  DAY,
  HOUR,
  MINUTE,
  deviceWithOutages,
  seedMemberships,
  seedReportHistory,
} from '@/testing/report-history';

// One client's November 2026 (UTC) with known outages, alerts and posture, for the report's
// figures (lib/reports/build-report.test.ts) and its PDF text (lib/reports/pdf.test.ts). The
// expected figures are worked out by hand in those tests; this file only states the history.

export const NOV = Date.parse('2026-11-01T00:00:00Z');
export const DEC = Date.parse('2026-12-01T00:00:00Z');
export const NOW = Date.parse('2026-12-04T08:00:00Z');
export const at = (day: number, hour = 0, minute = 0) =>
  NOV + (day - 1) * DAY + hour * HOUR + minute * MINUTE;

const security = (over: Partial<DeviceSecurity>): DeviceSecurity => ({
  score: 80,
  risk: 'low',
  patchCompliance: true,
  patchSecurityRisk: null,
  osEndOfLife: false,
  primaryPartitionEncrypted: true,
  firewallProvider: 'Windows Firewall',
  firewallEnabled: true,
  antivirusProvider: 'Defender',
  antivirusStatus: 'good',
  ...over,
});

const patches = (pending: number, failed: number, oldestPendingAt: string | null): DevicePatchSummary => ({
  pending,
  failed,
  securityPending: failed,
  installedLast30Days: 0,
  oldestPendingAt,
  items: [],
});

export function reportFixtureSnapshot() {
  const device = (
    id: string,
    groupId: string,
    role: DeviceRole,
    state: { online?: boolean; maintenance?: boolean } = {},
  ) => ({
    ...makeDevice({ id, groupId, online: state.online, maintenance: state.maintenance }),
    role,
    displayName: id.toUpperCase(),
  });
  const groups = [
    { ...makeGroup('c1', null, ['c1-sub']), name: 'Acme Dental' },
    { ...makeGroup('c1-sub', 'c1'), name: 'Acme branch' },
    { ...makeGroup('c2', null), name: 'Other client' },
  ];
  const devices = [
    device('srv1', 'c1', 'server'),
    device('srv2', 'c1-sub', 'domain_controller'),
    device('srv3', 'c1', 'server', { maintenance: true }),
    device('ws1', 'c1', 'workstation'),
    device('ws2', 'c1-sub', 'workstation'),
    { ...device('ws3', 'c1', 'workstation', { online: false }), lastSeenAt: '2026-09-01T00:00:00.000Z' },
    device('other1', 'c2', 'server'),
  ];
  return buildSnapshot(
    { devices, groups, activeAlerts: [], recentResolvedAlerts: [], tags: [] },
    1,
    new Date(NOW).toISOString(),
  );
}

const member = (id: string, deviceClass: 'server' | 'workstation', joinedAt: number) => ({
  deviceId: id,
  clientId: 'c1' as string | null,
  name: id.toUpperCase(),
  deviceClass,
  joinedAt,
});

const gone = (id: string, deviceClass: 'server' | 'workstation', joinedAt: number, clientId = 'c1') => ({
  deviceId: id,
  clientId,
  name: id.toUpperCase(),
  deviceClass,
  joinedAt,
});

export async function seedReportFixture(store: Store): Promise<void> {
  const before = NOV - DAY;
  await seedReportHistory(store, {
    devices: [
      // 3 h on the 10th and 30 min on the 20th.
      deviceWithOutages('srv1', before, [
        { start: at(10, 2), end: at(10, 5) },
        { start: at(20, 10), end: at(20, 10, 30) },
      ]),
      // A day of maintenance on the 15th: excluded.
      deviceWithOutages('srv2', before, [{ start: at(15), end: at(16), status: 'maintenance' }]),
      // In maintenance since 1 October.
      {
        id: 'srv3',
        firstSeen: Date.parse('2026-09-15T00:00:00Z'),
        initial: 'online',
        changes: [{ at: Date.parse('2026-10-01T00:00:00Z'), to: 'maintenance' }],
      },
      // Offline overnight 3rd 18:00 → 4th 08:00 (14 h).
      deviceWithOutages('ws1', before, [{ start: at(3, 18), end: at(4, 8) }]),
      // First seen on the 25th: unknown before.
      deviceWithOutages('ws2', at(25), []),
      // Offline since 1 September.
      { id: 'ws3', firstSeen: Date.parse('2026-09-01T00:00:00Z'), initial: 'offline' },
      // Another client's server: down the whole of the 5th; must not show.
      deviceWithOutages('other1', before, [{ start: at(5), end: at(6) }]),
    ],
    coverage: { from: before, to: DEC },
    // Devices that left a client, as the recorder writes them when a sync no longer lists a device
    // (`removed`) or finds it in a group outside the client (`moved`).
    departures: [
      // Retired on the 12th.
      {
        ...gone('old-srv', 'server', Date.parse('2026-09-01T00:00:00Z')),
        leftAt: at(12, 9),
        reason: 'removed',
      },
      // Enrolled on the 5th and gone on the 18th: added and removed in the same month.
      { ...gone('lap7', 'workstation', at(5, 10)), leftAt: at(18), reason: 'removed' },
      // Moved to another client's group on the 20th.
      {
        ...gone('ws-moved', 'workstation', Date.parse('2026-10-01T00:00:00Z')),
        leftAt: at(20, 14),
        reason: 'moved',
      },
      // Outside November: left in October, and left in December.
      {
        ...gone('old-oct', 'workstation', Date.parse('2026-09-01T00:00:00Z')),
        leftAt: NOV - 3 * DAY,
        reason: 'removed',
      },
      {
        ...gone('dec-gone', 'workstation', Date.parse('2026-09-01T00:00:00Z')),
        leftAt: DEC + DAY,
        reason: 'removed',
      },
      // Another client's device: must not show.
      { ...gone('other-gone', 'server', before, 'c2'), leftAt: at(15), reason: 'removed' },
    ],
    alerts: [
      {
        alertId: 'a1',
        deviceId: 'srv1',
        severity: 'critical',
        name: 'Host down',
        openedAt: at(10, 2, 5),
        resolvedAt: at(10, 5),
      },
      {
        alertId: 'a2',
        deviceId: 'srv1',
        severity: 'warning',
        name: 'Disk space',
        openedAt: at(12, 9),
        resolvedAt: at(12, 10),
      },
      {
        alertId: 'a3',
        deviceId: 'srv1',
        severity: 'emergency',
        name: 'RAID degraded',
        openedAt: at(20, 10),
        resolvedAt: null,
      },
      {
        alertId: 'a4',
        deviceId: 'ws1',
        severity: 'warning',
        name: 'CPU',
        openedAt: at(3, 12),
        resolvedAt: at(4, 9),
      },
      // Opened in October, resolved on 2 November: resolved counts, opened does not.
      {
        alertId: 'a5',
        deviceId: 'ws1',
        severity: 'critical',
        name: 'Old',
        openedAt: NOV - 2 * DAY,
        resolvedAt: at(2),
      },
      {
        alertId: 'o1',
        deviceId: 'other1',
        severity: 'critical',
        name: 'Other',
        openedAt: at(5),
        resolvedAt: at(6),
      },
      {
        alertId: 'o2',
        deviceId: 'other1',
        severity: 'critical',
        name: 'Other',
        openedAt: at(7),
        resolvedAt: null,
      },
    ],
  });
  // The listed devices' clients, as the recorder keeps them: since their first sighting, except ws1,
  // which moved into the client on the 8th (it was seen before, in a group outside the client).
  await seedMemberships(store, [
    member('srv1', 'server', before),
    member('srv2', 'server', before),
    member('srv3', 'server', Date.parse('2026-09-15T00:00:00Z')),
    member('ws1', 'workstation', at(8)),
    member('ws2', 'workstation', at(25)),
    member('ws3', 'workstation', Date.parse('2026-09-01T00:00:00Z')),
    { ...member('other1', 'server', before), clientId: 'c2' },
  ]);
  await writeSecurity(
    store,
    [
      { deviceId: 'srv1', security: security({}) },
      { deviceId: 'srv2', security: security({ risk: 'high', primaryPartitionEncrypted: false, score: 40 }) },
      {
        deviceId: 'ws1',
        security: security({
          risk: 'medium',
          antivirusStatus: 'expired',
          firewallEnabled: false,
          osEndOfLife: true,
          score: 30,
        }),
      },
      { deviceId: 'ws2', security: security({ score: 90 }) },
      { deviceId: 'other1', security: security({ risk: 'critical' }) },
    ],
    NOW - HOUR,
  );
  await writePatches(store, 'srv1', patches(0, 0, null), NOW - HOUR);
  await writePatches(store, 'srv2', patches(3, 1, '2026-09-01T00:00:00.000Z'), NOW - HOUR);
  await writePatches(store, 'ws1', patches(2, 0, '2026-10-15T00:00:00.000Z'), NOW - HOUR);
  await writePatches(store, 'ws2', patches(0, 0, null), NOW - HOUR);
  await writePatches(store, 'other1', patches(9, 9, '2025-01-01T00:00:00.000Z'), NOW - HOUR);
  // Three days of the client's trend: average score 50 → 60 (sum ÷ count), patch compliance 1 of 4 → 2 of 4.
  for (const [day, sum, fully] of [
    [1, 200, 1],
    [15, 220, 2],
    [30, 240, 2],
  ] as const) {
    await writePostureSamples(
      store,
      [
        {
          scope: 'c1',
          figures: {
            ...emptyFigures(),
            devices: 6,
            securityScoreSum: sum,
            securityScoreCount: 4,
            patchesKnown: 4,
            fullyPatched: fully,
          },
        },
      ],
      at(day, 12),
    );
  }
}
