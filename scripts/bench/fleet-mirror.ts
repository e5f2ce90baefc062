// The simulator's fleet kept in step in-process, for the 30-day size run (86,400 syncs). Over HTTP
// a sync of 10,000 devices takes ~1 s, and rebuilding the whole snapshot ~15 ms, more than the
// history write being measured; so the first snapshot comes from a real sync, and after each
// evolution only the parts a change can touch are rebuilt (changed devices, the rollups of their
// groups and ancestors, the fleet totals). Every `checkEvery` syncs the result must equal what
// buildSnapshot (the FleetService's own builder) makes of the same data, or the run stops.
import type { Alert, Device } from '@/lib/domain/level';
import { buildSnapshot } from '@/lib/fleet/build-snapshot';
import { GroupTotalsBuilder } from '@/lib/fleet/group-totals';
import type { FleetData, FleetSnapshot } from '@/lib/fleet/snapshot';
import type { RunningSimulator } from '@/simulator';
import { decodeId, encodeId } from '@/simulator/ids';
import { isDeepStrictEqual } from 'node:util';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

function byDevice(alerts: readonly Alert[]): Map<string, Alert[]> {
  const out = new Map<string, Alert[]>();
  for (const alert of alerts) {
    if (alert.resolved) continue;
    const list = out.get(alert.deviceId);
    if (list) list.push(alert);
    else out.set(alert.deviceId, [alert]);
  }
  return out;
}

const sameList = (a: readonly Alert[] | undefined, b: readonly Alert[] | undefined) =>
  a === b || (a?.length === b?.length && (a ?? []).every((alert, i) => alert === b?.[i]));

export interface FleetMirror {
  /** The snapshot of the simulator's fleet as it is now. */
  next(version: number, syncedAt: string): FleetSnapshot;
  /** Snapshots compared with buildSnapshot so far (all equal, or `next` would have thrown). */
  checks: number;
}

export function fleetMirror(sim: RunningSimulator, first: FleetSnapshot, checkEvery: number): FleetMirror {
  const store = sim.state.store;
  // The simulator never adds, removes or reorders devices by itself: map its list to ours once.
  const position = new Map(first.devices.map((device, i) => [decodeId(device.id)?.n ?? -1, i]));
  const slots = store.devices.map((record) => position.get(record.n) ?? -1);
  const cachedAlerts = new Map<number, Alert>();
  const ungrouped = first.devices.flatMap((d, i) =>
    d.groupId && first.groupNodes.has(d.groupId) ? [] : [i],
  );
  // Shared by every snapshot and updated in place: only the latest snapshot is ever read.
  const groupNodes = new Map(first.groupNodes);
  const deviceById = new Map(first.deviceById);
  let previous = first;
  let resolvedRecently: Alert[] = [];
  let count = 0;

  const alertsNow = (): { active: Alert[]; resolved: Alert[] } => {
    const active: Alert[] = [];
    const seen = new Set<number>();
    for (const record of store.activeAlerts) {
      seen.add(record.n);
      let alert = cachedAlerts.get(record.n);
      if (!alert) {
        alert = {
          id: encodeId('Alert', record.n),
          deviceId: encodeId('Device', record.deviceN),
          deviceHostname: record.deviceHostname,
          name: record.name,
          description: record.description,
          payload: record.payload,
          severity: record.severity,
          resolved: false,
          startedAt: iso(record.startedMs),
          resolvedAt: null,
        };
        cachedAlerts.set(record.n, alert);
      }
      active.push(alert);
    }
    const resolved: Alert[] = [];
    for (const [n, alert] of cachedAlerts) {
      if (seen.has(n)) continue;
      cachedAlerts.delete(n);
      resolved.push({ ...alert, resolved: true, resolvedAt: iso(store.alert(n)?.resolvedMs ?? null) });
    }
    return { active, resolved };
  };

  const rollup = (
    devices: readonly Device[],
    indexes: readonly number[] | null,
    alerts: Map<string, Alert[]>,
    only?: string,
  ) => {
    const builder = new GroupTotalsBuilder();
    const count = indexes ? indexes.length : devices.length;
    for (let k = 0; k < count; k++) {
      const device = devices[indexes ? (indexes[k] ?? -1) : k];
      if (device && (only === undefined || device.groupId === only))
        builder.addDevice(device, alerts.get(device.id));
    }
    return builder.finish();
  };

  const next = (version: number, syncedAt: string): FleetSnapshot => {
    const devices = previous.devices.slice();
    const touched = new Set<number>();
    const records = store.devices;
    for (let k = 0; k < records.length; k++) {
      const record = records[k];
      const i = slots[k] ?? -1;
      const device = devices[i];
      if (!record || !device) continue;
      if (device.online === record.online && device.maintenanceMode === record.maintenance) continue;
      devices[i] = {
        ...device,
        online: record.online,
        maintenanceMode: record.maintenance,
        lastSeenAt: iso(record.lastSeenMs),
      };
      touched.add(i);
    }
    const { active, resolved } = alertsNow();
    resolvedRecently = [...resolved, ...resolvedRecently].slice(0, 1_000);
    const activeAlertsByDevice = byDevice(active);
    for (const id of new Set([...activeAlertsByDevice.keys(), ...previous.activeAlertsByDevice.keys()])) {
      if (sameList(activeAlertsByDevice.get(id), previous.activeAlertsByDevice.get(id))) continue;
      const i = previous.deviceIndex.get(id);
      if (i !== undefined) touched.add(i);
    }

    const groups = new Set<string>();
    for (const i of touched) {
      const device = devices[i];
      if (!device) continue;
      deviceById.set(device.id, device);
      for (let id = device.groupId; id && !groups.has(id); id = groupNodes.get(id)?.parentId ?? null)
        groups.add(id);
    }
    for (const id of groups) {
      const node = groupNodes.get(id);
      const members = previous.subtreeDevices.get(id) ?? [];
      if (!node) continue;
      groupNodes.set(id, {
        ...node,
        direct: rollup(devices, members, activeAlertsByDevice, id),
        subtree: rollup(devices, members, activeAlertsByDevice),
      });
    }
    const alertById = new Map<string, Alert>();
    for (const alert of resolvedRecently) alertById.set(alert.id, alert);
    for (const alert of active) alertById.set(alert.id, alert);
    const snapshot: FleetSnapshot = {
      ...previous,
      devices,
      activeAlerts: active,
      recentResolvedAlerts: resolvedRecently,
      version,
      syncedAt,
      deviceById,
      groupNodes,
      activeAlertsByDevice,
      alertById,
      totals: rollup(devices, null, activeAlertsByDevice),
      ungrouped: rollup(devices, ungrouped, activeAlertsByDevice),
    };
    previous = snapshot;
    count += 1;
    if (count % checkEvery === 0) check(snapshot);
    return snapshot;
  };

  const mirror: FleetMirror = { next, checks: 0 };
  const check = (snapshot: FleetSnapshot) => {
    const data: FleetData = {
      devices: snapshot.devices,
      groups: snapshot.groups,
      activeAlerts: snapshot.activeAlerts,
      recentResolvedAlerts: snapshot.recentResolvedAlerts,
      tags: snapshot.tags,
    };
    const full = buildSnapshot(data, snapshot.version, snapshot.syncedAt);
    for (const key of Object.keys(full) as (keyof FleetSnapshot)[]) {
      if (!isDeepStrictEqual(full[key], snapshot[key]))
        throw new Error(`fleet mirror: snapshot ${snapshot.version} differs from buildSnapshot in "${key}"`);
    }
    mirror.checks += 1;
  };
  return mirror;
}
