import { accessKey, type Access } from '@/lib/auth/scope';
import type { ClientSummary, GroupNode, GroupTotals } from '@/lib/domain/fleet';
import type { Device } from '@/lib/domain/level';
import { GroupTotalsBuilder } from '@/lib/fleet/group-totals';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import 'server-only';

/**
 * The fleet as one session may see it. Every read route goes through this: anything outside the
 * scope behaves as if it did not exist (404, absent from lists, not in totals).
 */
export interface ScopedFleet {
  key: string;
  redact: boolean;
  /** True when part of the fleet is hidden (a group or device-list link). */
  scoped: boolean;
  deviceAllowed(device: Device, index: number): boolean;
  deviceIdAllowed(deviceId: string): boolean;
  groupAllowed(groupId: string): boolean;
  /** Which history series stands for "the fleet" here: `fleet`, a group id, or none. */
  historyScope: string | null;
  totals: GroupTotals;
  clients: ClientSummary[];
  ungrouped: GroupTotals;
  groups(all: GroupNode[]): GroupNode[];
}

function totalsOf(snapshot: FleetSnapshot, indexes: Iterable<number>): GroupTotals {
  const builder = new GroupTotalsBuilder();
  for (const index of indexes) {
    const device = snapshot.devices[index];
    if (device) builder.addDevice(device, snapshot.activeAlertsByDevice.get(device.id));
  }
  return builder.finish();
}

/** True when `groupId` is `ancestorId` or lies beneath it. */
function isWithin(snapshot: FleetSnapshot, groupId: string, ancestorId: string): boolean {
  let current = snapshot.groupNodes.get(groupId);
  for (let hops = 0; current && hops < 64; hops += 1) {
    if (current.id === ancestorId) return true;
    current = current.parentId ? snapshot.groupNodes.get(current.parentId) : undefined;
  }
  return false;
}

function build(snapshot: FleetSnapshot, access: Access): ScopedFleet {
  const key = accessKey(access);
  if (access.role === 'admin' || access.scope.kind === 'fleet') {
    const redact = access.role !== 'admin' && access.redact;
    return {
      key,
      redact,
      scoped: false,
      deviceAllowed: () => true,
      deviceIdAllowed: (id) => snapshot.deviceById.has(id),
      groupAllowed: (id) => snapshot.groupNodes.has(id),
      historyScope: 'fleet',
      totals: snapshot.totals,
      clients: snapshot.clientIds.flatMap((id) => {
        const node = snapshot.groupNodes.get(id);
        return node ? [{ id, name: node.name, rollup: node.subtree }] : [];
      }),
      ungrouped: snapshot.ungrouped,
      groups: (all) => all,
    };
  }
  const empty = new GroupTotalsBuilder().finish();
  if (access.scope.kind === 'group') {
    const groupId = access.scope.groupId;
    const node = snapshot.groupNodes.get(groupId);
    const members = new Set(snapshot.subtreeDevices.get(groupId) ?? []);
    const ids = new Set([...members].map((index) => snapshot.devices[index]?.id));
    return {
      key,
      redact: access.redact,
      scoped: true,
      deviceAllowed: (_device, index) => members.has(index),
      deviceIdAllowed: (id) => ids.has(id),
      groupAllowed: (id) => node !== undefined && isWithin(snapshot, id, groupId),
      historyScope: node ? groupId : null,
      totals: node?.subtree ?? empty,
      clients: node ? [{ id: node.id, name: node.path.join(' / '), rollup: node.subtree }] : [],
      ungrouped: empty,
      groups: (all) => (node ? all.filter((group) => isWithin(snapshot, group.id, groupId)) : []),
    };
  }
  const ids = new Set(access.scope.deviceIds.filter((id) => snapshot.deviceById.has(id)));
  const indexes = [...ids]
    .map((id) => snapshot.deviceIndex.get(id))
    .filter((index): index is number => index !== undefined);
  return {
    key,
    redact: access.redact,
    scoped: true,
    deviceAllowed: (device) => ids.has(device.id),
    deviceIdAllowed: (id) => ids.has(id),
    groupAllowed: () => false,
    historyScope: null,
    totals: totalsOf(snapshot, indexes),
    clients: [],
    ungrouped: empty,
    groups: () => [],
  };
}

const cache = new WeakMap<FleetSnapshot, Map<string, ScopedFleet>>();

export function scopedFleet(snapshot: FleetSnapshot, access: Access): ScopedFleet {
  let perSnapshot = cache.get(snapshot);
  if (!perSnapshot) {
    perSnapshot = new Map();
    cache.set(snapshot, perSnapshot);
  }
  const key = accessKey(access);
  let view = perSnapshot.get(key);
  if (!view) {
    view = build(snapshot, access);
    perSnapshot.set(key, view);
  }
  return view;
}
