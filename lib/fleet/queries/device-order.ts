import type { DeviceSortKey } from '@/lib/domain/device-sort';
import { deviceStatus } from '@/lib/domain/fleet';
import type { Device } from '@/lib/domain/level';
import { severityRank } from '@/lib/domain/severity';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { pseudonym } from '@/lib/redaction/redact';

type Compare = (a: Device, b: Device) => number;

const STATUS_ORDER = { offline: 0, maintenance: 1, online: 2 } as const;
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const text = (value: string | null | undefined) => value ?? '\uffff';

function comparator(snapshot: FleetSnapshot, key: DeviceSortKey): Compare {
  const client = (device: Device) => {
    const node = device.groupId ? snapshot.groupNodes.get(device.groupId) : undefined;
    return node ? node.path.join(' / ') : null;
  };
  const alertWeight = (device: Device) => {
    const alerts = snapshot.activeAlertsByDevice.get(device.id) ?? [];
    return (
      alerts.reduce((worst, alert) => Math.max(worst, severityRank(alert.severity) + 1), 0) * 10_000 +
      alerts.length
    );
  };
  switch (key) {
    case 'hostname':
      return (a, b) => collator.compare(a.hostname, b.hostname);
    case 'name':
      return (a, b) => collator.compare(a.displayName, b.displayName);
    case 'status':
      return (a, b) => STATUS_ORDER[deviceStatus(a)] - STATUS_ORDER[deviceStatus(b)];
    case 'client':
      return (a, b) => collator.compare(text(client(a)), text(client(b)));
    case 'platform':
      return (a, b) => collator.compare(text(a.platform), text(b.platform));
    case 'role':
      return (a, b) => collator.compare(text(a.role), text(b.role));
    case 'lastSeen':
      return (a, b) => Date.parse(a.lastSeenAt ?? '0') - Date.parse(b.lastSeenAt ?? '0');
    case 'securityScore':
      return (a, b) => (a.securityScore ?? -1) - (b.securityScore ?? -1);
    case 'alerts':
      return (a, b) => alertWeight(a) - alertWeight(b);
  }
}

const orders = new WeakMap<FleetSnapshot, Map<string, { order: Int32Array; rank: Map<string, number> }>>();

const pseudonyms = new WeakMap<FleetSnapshot, string[]>();

/** Hashed once per snapshot, shared by every redacted sort key. */
function pseudonymsOf(snapshot: FleetSnapshot): string[] {
  let names = pseudonyms.get(snapshot);
  if (!names) {
    names = snapshot.devices.map((device) => pseudonym(device.id));
    pseudonyms.set(snapshot, names);
  }
  return names;
}

/**
 * Device indexes in ascending order of `key` (ties by hostname, then id), computed once per
 * snapshot and key, so paging a 50k fleet is a scan, not a sort, per request. `redacted`: names
 * are compared as the redacted link sees them (pseudonyms), ties included.
 */
export function deviceOrder(snapshot: FleetSnapshot, key: DeviceSortKey, redacted = false) {
  let perSnapshot = orders.get(snapshot);
  if (!perSnapshot) {
    perSnapshot = new Map();
    orders.set(snapshot, perSnapshot);
  }
  const slot = redacted ? `${key}:redacted` : key;
  const known = perSnapshot.get(slot);
  if (known) return known;
  const devices = snapshot.devices;
  const names = redacted ? pseudonymsOf(snapshot) : devices.map((device) => device.hostname);
  const byName = (i: number, j: number) => collator.compare(names[i] as string, names[j] as string);
  const compare = comparator(snapshot, key);
  const named = key === 'hostname' || key === 'name';
  const order = Int32Array.from(devices.keys()).sort((i, j) => {
    const a = devices[i] as Device;
    const b = devices[j] as Device;
    return (
      (redacted && named ? 0 : compare(a, b)) || byName(i, j) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    );
  });
  const rank = new Map<string, number>();
  order.forEach((deviceIndex, position) => rank.set((devices[deviceIndex] as Device).id, position));
  const result = { order, rank };
  perSnapshot.set(slot, result);
  return result;
}
