import type { GroupNode } from '@/lib/domain/fleet';
import type { Alert, Group } from '@/lib/domain/level';
import { GroupTotalsBuilder } from '@/lib/fleet/group-totals';
import type { FleetData, FleetSnapshot } from '@/lib/fleet/snapshot';

interface GroupPlace {
  depth: number;
  path: string[];
  clientId: string;
  /** This group and its ancestors, nearest first. */
  lineage: string[];
}

/** Places every group in the tree; a missing parent or a cycle makes the group top-level. */
function placeGroups(groups: readonly Group[]): Map<string, GroupPlace> {
  const byId = new Map(groups.map((group) => [group.id, group]));
  const places = new Map<string, GroupPlace>();
  const place = (group: Group, visiting: Set<string>): GroupPlace => {
    const known = places.get(group.id);
    if (known) return known;
    const parent = group.parentId ? byId.get(group.parentId) : undefined;
    let result: GroupPlace;
    if (!parent || visiting.has(parent.id)) {
      result = { depth: 0, path: [group.name], clientId: group.id, lineage: [group.id] };
    } else {
      visiting.add(group.id);
      const above = place(parent, visiting);
      result = {
        depth: above.depth + 1,
        path: [...above.path, group.name],
        clientId: above.clientId,
        lineage: [group.id, ...above.lineage],
      };
    }
    places.set(group.id, result);
    return result;
  };
  for (const group of groups) place(group, new Set([group.id]));
  return places;
}

function groupActiveAlerts(alerts: readonly Alert[]): Map<string, Alert[]> {
  const byDevice = new Map<string, Alert[]>();
  for (const alert of alerts) {
    if (alert.resolved) continue;
    const list = byDevice.get(alert.deviceId);
    if (list) list.push(alert);
    else byDevice.set(alert.deviceId, [alert]);
  }
  return byDevice;
}

export function buildSnapshot(
  data: FleetData,
  version: number,
  syncedAt: string,
  localRevision = 0,
): FleetSnapshot {
  const places = placeGroups(data.groups);
  const activeAlertsByDevice = groupActiveAlerts(data.activeAlerts);
  const direct = new Map<string, GroupTotalsBuilder>();
  const subtree = new Map<string, GroupTotalsBuilder>();
  const subtreeDevices = new Map<string, number[]>();
  for (const group of data.groups) {
    direct.set(group.id, new GroupTotalsBuilder());
    subtree.set(group.id, new GroupTotalsBuilder());
    subtreeDevices.set(group.id, []);
  }
  const totals = new GroupTotalsBuilder();
  const ungrouped = new GroupTotalsBuilder();
  const deviceById = new Map<string, (typeof data.devices)[number]>();
  const deviceIndex = new Map<string, number>();
  const searchText: string[] = [];

  data.devices.forEach((device, index) => {
    deviceById.set(device.id, device);
    deviceIndex.set(device.id, index);
    searchText.push(
      [device.hostname, device.nickname, device.lastLoggedInUser, device.serialNumber]
        .filter(Boolean)
        .join('\u0000')
        .toLowerCase(),
    );
    const alerts = activeAlertsByDevice.get(device.id);
    totals.addDevice(device, alerts);
    const place = device.groupId ? places.get(device.groupId) : undefined;
    if (!place || !device.groupId) {
      ungrouped.addDevice(device, alerts);
      return;
    }
    direct.get(device.groupId)?.addDevice(device, alerts);
    for (const ancestor of place.lineage) {
      subtree.get(ancestor)?.addDevice(device, alerts);
      subtreeDevices.get(ancestor)?.push(index);
    }
  });

  const groupNodes = new Map<string, GroupNode>();
  for (const group of data.groups) {
    const place = places.get(group.id);
    if (!place) continue;
    groupNodes.set(group.id, {
      id: group.id,
      name: group.name,
      parentId: place.depth === 0 ? null : group.parentId,
      childIds: group.childIds.filter((child) => places.has(child)),
      depth: place.depth,
      path: place.path,
      clientId: place.clientId,
      direct: (direct.get(group.id) ?? new GroupTotalsBuilder()).finish(),
      subtree: (subtree.get(group.id) ?? new GroupTotalsBuilder()).finish(),
    });
  }
  const clientIds = [...groupNodes.values()]
    .filter((node) => node.depth === 0)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((node) => node.id);

  const alertById = new Map<string, Alert>();
  for (const alert of data.recentResolvedAlerts) alertById.set(alert.id, alert);
  for (const alert of data.activeAlerts) alertById.set(alert.id, alert);

  return {
    ...data,
    version,
    localRevision,
    syncedAt,
    deviceById,
    deviceIndex,
    groupNodes,
    clientIds,
    subtreeDevices,
    activeAlertsByDevice,
    alertById,
    tagIdByName: new Map(data.tags.map((tag) => [tag.name, tag.id])),
    tagNameById: new Map(data.tags.map((tag) => [tag.id, tag.name])),
    totals: totals.finish(),
    ungrouped: ungrouped.finish(),
    searchText,
  };
}
