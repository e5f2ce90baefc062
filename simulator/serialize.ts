import { hardwareProfile } from '@/simulator/catalog-hardware';
import { deviceDetail, type IncludeFlags } from '@/simulator/device-detail';
import { encodeId } from '@/simulator/ids';
import type { FleetStore } from '@/simulator/store';
import type {
  AlertRecord,
  AutomationRecord,
  DeviceRecord,
  GroupRecord,
  JsonObject,
  TagRecord,
} from '@/simulator/types';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const groupId = (n: number | null): string | null => (n === null ? null : encodeId('Group', n));

/** "Client / Site / Sub-group": the full path, so the name alone tells which client a device is in. */
export function groupPath(store: FleetStore, groupN: number | null): string | null {
  if (groupN === null) return null;
  const names = store.lineage(groupN).map((g) => g.name);
  return names.length === 0 ? null : names.reverse().join(' / ');
}

export function deviceJson(store: FleetStore, d: DeviceRecord, include?: IncludeFlags): JsonObject {
  const profile = hardwareProfile(d.hardware);
  const base: JsonObject = {
    id: encodeId('Device', d.n),
    hostname: d.hostname,
    nickname: d.nickname,
    role: d.role,
    group_id: groupId(d.groupN),
    group_name: groupPath(store, d.groupN),
    tags: d.tagNs.flatMap((n) => {
      const tag = store.tag(n);
      return tag ? [tag.name] : [];
    }),
    flag: d.flag,
    maintenance_mode: d.maintenance,
    online: d.online,
    notes: d.notes,
    manufacturer: profile.manufacturer,
    model: profile.model,
    architecture: profile.architecture,
    serial_number: d.serial,
    total_memory: d.totalMemory,
    memory_slots: d.memorySlots,
    cpu_cores: d.cpuCores,
    last_logged_in_user: d.user,
    last_reboot_time: iso(d.lastRebootMs),
    last_seen_at: iso(d.lastSeenMs),
    city: d.city,
    country: d.country,
    security_score: d.securityScore,
    platform: d.platform,
    public_ip_address: d.publicIp,
    private_ip_addresses: [d.privateIp],
  };
  return include ? { ...base, ...deviceDetail(store, d, include) } : base;
}

/**
 * `descendent_device_count` counts every device in the subtree INCLUDING the group's own direct
 * devices (the reference marks this [X]; "full hierarchy" reads as inclusive).
 */
export function groupJson(store: FleetStore, g: GroupRecord): JsonObject {
  let descendants = 0;
  for (const member of store.subtree(g.n)) descendants += store.devicesInGroup(member.n).length;
  const customFields: JsonObject = {};
  for (const field of store.customFields) {
    const value = store.cfValues.get(field.n)?.get(`g${g.n}`);
    if (value !== undefined) customFields[field.name] = value;
  }
  return {
    id: encodeId('Group', g.n),
    parent_id: groupId(g.parentN),
    child_ids: g.childNs.map((n) => encodeId('Group', n)),
    name: g.name,
    device_count: store.devicesInGroup(g.n).length,
    descendent_device_count: descendants,
    custom_fields: customFields,
  };
}

export function alertJson(a: AlertRecord): JsonObject {
  return {
    id: encodeId('Alert', a.n),
    device_id: encodeId('Device', a.deviceN),
    device_hostname: a.deviceHostname,
    name: a.name,
    description: a.description,
    payload: a.payload,
    severity: a.severity,
    is_resolved: a.resolved,
    started_at: iso(a.startedMs),
    resolved_at: iso(a.resolvedMs),
  };
}

export const tagJson = (t: TagRecord): JsonObject => ({
  id: encodeId('Tag', t.n),
  name: t.name,
  device_count: t.devices.length,
});

export function automationJson(store: FleetStore, a: AutomationRecord): JsonObject {
  return {
    id: encodeId('Automation', a.n),
    name: a.name,
    description: a.description,
    group_id: groupId(a.groupN),
    group_name: groupPath(store, a.groupN),
  };
}

export function webhookJson(origin: string, a: AutomationRecord): JsonObject {
  return {
    url: `${origin}/v2/automations/webhooks/${a.webhook?.token ?? ''}`,
    automation_id: encodeId('Automation', a.n),
    automation_name: a.name,
    requires_authorization_header: a.webhook?.requiresAuth ?? false,
    parameters: [...(a.webhook?.parameters ?? [])],
  };
}
