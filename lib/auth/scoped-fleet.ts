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

/** The groups a scope names that exist, minus any lying beneath another of them. */
function rootsOf(snapshot: FleetSnapshot, groupIds: readonly string[]): GroupNode[] {
  const present = [...new Set(groupIds)].filter((id) => snapshot.groupNodes.has(id));
  return present
    .filter((id) => !present.some((other) => other !== id && isWithin(snapshot, id, other)))
    .flatMap((id) => {
      const node = snapshot.groupNodes.get(id);
      return node ? [node] : [];
    });
}

function groupsView(
  snapshot: FleetSnapshot,
  key: string,
  redact: boolean,
  groupIds: readonly string[],
): ScopedFleet {
  const roots = rootsOf(snapshot, groupIds);
  const members = new Set<number>();
  for (const root of roots)
    for (const index of snapshot.subtreeDevices.get(root.id) ?? []) members.add(index);
  const ids = new Set([...members].map((index) => snapshot.devices[index]?.id));
  const within = (id: string) => roots.some((root) => isWithin(snapshot, id, root.id));
  const only = roots.length === 1 ? roots[0] : undefined;
  return {
    key,
    redact,
    scoped: true,
    deviceAllowed: (_device, index) => members.has(index),
    deviceIdAllowed: (id) => ids.has(id),
    groupAllowed: within,
    // One client has its own recorded series; several have none that is only theirs.
    historyScope: only ? only.id : null,
    totals: only ? only.subtree : totalsOf(snapshot, members),
    clients: roots.map((root) => ({ id: root.id, name: root.path.join(' / '), rollup: root.subtree })),
    ungrouped: new GroupTotalsBuilder().finish(),
    groups: (all) => all.filter((group) => within(group.id)),
  };
}

function build(snapshot: FleetSnapshot, access: Access): ScopedFleet {
  const key = accessKey(access);
  if (access.scope.kind === 'fleet') {
    return {
      key,
      redact: access.redact,
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
  if (access.scope.kind === 'group') return groupsView(snapshot, key, access.redact, [access.scope.groupId]);
  if (access.scope.kind === 'groups') return groupsView(snapshot, key, access.redact, access.scope.groupIds);
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
    ungrouped: new GroupTotalsBuilder().finish(),
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
