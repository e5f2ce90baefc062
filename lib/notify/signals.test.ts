import { SITE_DOWN_DEFAULTS } from '@/lib/fleet/site-down';
import { collectSignals, type Signal } from '@/lib/notify/signals';
import { encodeId } from '@/simulator/ids';
import { startFleetHarness, type FleetHarness } from '@/testing/fleet-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Signals from a real sync of the simulator's fleet: a site taken down in "Level" is one site-down
// signal inside its client, each of its devices an offline signal, the client's health turns red,
// and a new critical alert is a signal with its device's place.

let harness: FleetHarness;
beforeAll(async () => {
  harness = await startFleetHarness({ devices: 400, seed: 11 });
});
afterAll(async () => harness?.close());

const collect = (now = Date.now()) =>
  collectSignals({
    snapshot: harness.service.current(),
    isAcknowledged: () => false,
    sync: { lastErrorKind: null, lastError: null, syncedAtMs: now, intervalMs: 60_000 },
    silentWalls: [],
    siteDown: SITE_DOWN_DEFAULTS,
    levelUrlOf: () => null,
    now,
  });

describe('collectSignals on a synced fleet', () => {
  it('sees a site going down, its devices, its client health and a new alert', async () => {
    const store = harness.sim.state.store;
    const site = store.groups.find(
      (group) =>
        group.parentN !== null && store.devicesInGroup(group.n).filter((d) => !d.maintenance).length >= 6,
    );
    expect(site, 'a sub-group with six devices').toBeDefined();
    const members = store.devicesInGroup(site!.n).filter((device) => !device.maintenance);
    const quiet = store.devices.find(
      (device) =>
        device.online && !device.maintenance && store.alertsOfDevice(device.n).every((a) => a.resolved),
    )!;
    for (const device of members)
      harness.sim.state.setDeviceStatus(encodeId('Device', device.n), { online: false });
    harness.sim.state.openAlert({
      device_id: encodeId('Device', quiet.n),
      severity: 'critical',
      name: 'Backup failed',
    });
    await harness.service.syncNow();

    const signals = collect();
    const byKind = (kind: Signal['detail']['kind']) =>
      signals.filter((signal) => signal.detail.kind === kind);
    const siteId = encodeId('Group', site!.n);
    const siteSignal = byKind('site_down').find((signal) => signal.detail.groupId === siteId);
    // Every device of the site that went down in the last minute is in it.
    const snapshot = harness.service.current()!;
    const justDown = snapshot.devices
      .filter(
        (d) => d.groupId === siteId && !d.online && Date.now() - Date.parse(d.lastSeenAt ?? '') < 60_000,
      )
      .map((d) => d.id);
    expect(justDown.length).toBeGreaterThanOrEqual(6);
    expect(siteSignal?.detail.members).toEqual(expect.arrayContaining(justDown));
    expect(siteSignal?.groupPath.at(-1)).toBe(siteId);
    expect(siteSignal?.groupPath[0]).toBe(siteSignal?.detail.clientId);

    const offlineIds = new Set(byKind('device_offline').map((signal) => signal.detail.deviceId));
    for (const id of justDown) expect(offlineIds.has(id)).toBe(true);

    const health = byKind('client_health').find(
      (signal) => signal.detail.clientId === siteSignal?.detail.clientId,
    );
    expect(health?.band).toBe('red');

    const backup = byKind('alert').find((signal) => signal.detail.title === 'Backup failed');
    expect(backup?.detail).toMatchObject({ severity: 'critical', deviceId: encodeId('Device', quiet.n) });
    expect(backup?.groupPath).toContain(backup?.detail.clientId);

    // Keys are per occurrence: the same device offline again later is another key.
    const first = byKind('device_offline').find(
      (s) => s.detail.deviceId === encodeId('Device', members[0]!.n),
    )!;
    harness.sim.state.setDeviceStatus(encodeId('Device', members[0]!.n), { online: true });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    harness.sim.state.setDeviceStatus(encodeId('Device', members[0]!.n), { online: false });
    await harness.service.syncNow();
    const again = collect().find(
      (s) => s.detail.kind === 'device_offline' && s.detail.deviceId === first.detail.deviceId,
    );
    expect(again?.key).not.toBe(first.key);
  });

  it('without a snapshot only Levelboard problems are known; a rejected key is named as such', () => {
    const now = Date.now();
    const signals = collectSignals({
      snapshot: null,
      isAcknowledged: () => false,
      sync: { lastErrorKind: 'unauthorized', lastError: 'x', syncedAtMs: null, intervalMs: 30_000 },
      silentWalls: [{ id: 'w1', name: 'NOC left', lastSeenAt: now - 600_000 }],
      siteDown: SITE_DOWN_DEFAULTS,
      levelUrlOf: () => null,
      now,
    });
    expect(signals.map((signal) => [signal.key, signal.detail.title])).toEqual([
      ['level:key_rejected', 'Level rejected the API key'],
      [`wall:w1@${now - 600_000}`, 'Wall screen "NOC left" is silent'],
    ]);
  });
});
