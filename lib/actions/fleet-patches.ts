import type { Alert, Device, Group, Tag } from '@/lib/domain/level';
import type { FleetData } from '@/lib/fleet/snapshot';

// Pure edits of the synced fleet after an admin action succeeded in Level. Each mirrors what Level
// did, so the dashboard shows the change at once; the next full sync replaces it with Level's word.

type DeviceEdit = (device: Device) => Device;

function editDevices(data: FleetData, ids: Iterable<string> | null, edit: DeviceEdit): FleetData {
  const wanted = ids === null ? null : new Set(ids);
  let changed = false;
  const devices = data.devices.map((device) => {
    if (wanted && !wanted.has(device.id)) return device;
    const next = edit(device);
    if (next !== device) changed = true;
    return next;
  });
  return changed ? { ...data, devices } : data;
}

/** Takes Level's answer to a device PATCH, field by field, keeping only what the sync stores. */
export function withDeviceFromLevel(data: FleetData, fresh: Device): FleetData {
  return editDevices(data, [fresh.id], (device) => {
    const next: Record<string, unknown> = { ...device };
    for (const key of Object.keys(device) as (keyof Device)[]) {
      if (fresh[key] !== undefined) next[key] = fresh[key];
    }
    return next as unknown as Device;
  });
}

export function withDevicesMoved(data: FleetData, ids: readonly string[], groupId: string | null): FleetData {
  const groupName = groupId ? (data.groups.find((group) => group.id === groupId)?.name ?? null) : null;
  return editDevices(data, ids, (device) =>
    device.groupId === groupId ? device : { ...device, groupId, groupName },
  );
}

/** Level leaves listed devices that are not in the group alone. */
export function withDevicesUngrouped(
  data: FleetData,
  ids: readonly string[],
  fromGroupId: string,
): FleetData {
  return editDevices(data, ids, (device) =>
    device.groupId === fromGroupId ? { ...device, groupId: null, groupName: null } : device,
  );
}

/**
 * A fresh group list from Level, with device group names brought in line. Devices whose group is
 * gone become ungrouped, as Level does when a group is deleted.
 */
export function withGroups(data: FleetData, groups: Group[]): FleetData {
  const names = new Map(groups.map((group) => [group.id, group.name]));
  const next = editDevices(data, null, (device) => {
    if (device.groupId === null) return device;
    const name = names.get(device.groupId);
    if (name === undefined) return { ...device, groupId: null, groupName: null };
    return name === device.groupName ? device : { ...device, groupName: name };
  });
  return { ...next, groups };
}

export function withTagAdded(data: FleetData, ids: readonly string[], tagName: string): FleetData {
  return editDevices(data, ids, (device) =>
    device.tags.includes(tagName) ? device : { ...device, tags: [...device.tags, tagName] },
  );
}

export function withTagRemoved(data: FleetData, ids: readonly string[] | null, tagName: string): FleetData {
  return editDevices(data, ids, (device) =>
    device.tags.includes(tagName) ? { ...device, tags: device.tags.filter((t) => t !== tagName) } : device,
  );
}

export function withTagRenamed(data: FleetData, from: string, to: string): FleetData {
  return editDevices(data, null, (device) =>
    device.tags.includes(from)
      ? { ...device, tags: device.tags.map((tag) => (tag === from ? to : tag)) }
      : device,
  );
}

/**
 * Device counts on tags follow the devices (Level's own count arrives with the next sync); a tag
 * absent from `tags` is one Level just deleted.
 */
export function withTags(data: FleetData, tags: Tag[]): FleetData {
  return { ...data, tags };
}

/** Resolved alerts leave the active list and lead the "recently resolved" one. */
export function withAlertsResolved(data: FleetData, resolved: readonly Alert[], now: Date): FleetData {
  if (resolved.length === 0) return data;
  const ids = new Set(resolved.map((alert) => alert.id));
  const stamped = resolved.map((alert) =>
    alert.resolved && alert.resolvedAt ? alert : { ...alert, resolved: true, resolvedAt: now.toISOString() },
  );
  return {
    ...data,
    activeAlerts: data.activeAlerts.filter((alert) => !ids.has(alert.id)),
    recentResolvedAlerts: [...stamped, ...data.recentResolvedAlerts.filter((alert) => !ids.has(alert.id))],
  };
}
