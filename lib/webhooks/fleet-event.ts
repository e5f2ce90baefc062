import { withAlertsResolved, withDeviceFromLevel, withGroups } from '@/lib/actions/fleet-patches';
import type { Alert, Device, Group } from '@/lib/domain/level';
import type { FleetData } from '@/lib/fleet/snapshot';
import { webhookAlert, webhookDevice, webhookGroup } from '@/lib/level';
import type { Envelope } from '@/lib/webhooks/envelope';
import 'server-only';

// What one of Level's events means for the synced fleet, as a pure edit. patchFleet may apply an
// edit twice (once now, once more onto a sync that was in flight), so each one is idempotent and
// decides against the data it is given, not against what was true when the event arrived.

export type FleetEvent =
  | { type: 'alert_active'; alert: Alert }
  | { type: 'alert_resolved'; alertId: string; alert: Alert | null; resolvedAt: string }
  | { type: 'device_upsert'; device: Device }
  | { type: 'device_deleted'; deviceId: string }
  | { type: 'group_upsert'; group: Group }
  | { type: 'group_deleted'; groupId: string };

/** Null: an event type Levelboard does not handle, or a resource it cannot read (ignored). */
export function toFleetEvent(envelope: Envelope): FleetEvent | null {
  const data = envelope.data;
  const id = typeof data?.id === 'string' && data.id !== '' ? data.id : null;
  if (!data || !id) return null;
  switch (envelope.eventType) {
    case 'alert_active': {
      const alert = webhookAlert(data);
      return alert ? { type: 'alert_active', alert } : null;
    }
    case 'alert_resolved': {
      const alert = webhookAlert(data);
      const resolvedAt = alert?.resolvedAt ?? new Date(envelope.occurredAt).toISOString();
      return { type: 'alert_resolved', alertId: id, alert, resolvedAt };
    }
    case 'device_created':
    case 'device_updated': {
      const device = webhookDevice(data);
      return device ? { type: 'device_upsert', device } : null;
    }
    case 'device_deleted':
      return { type: 'device_deleted', deviceId: id };
    case 'group_created':
    case 'group_updated': {
      const group = webhookGroup(data);
      return group ? { type: 'group_upsert', group } : null;
    }
    case 'group_deleted':
      return { type: 'group_deleted', groupId: id };
    default:
      return null;
  }
}

function withAlertActive(data: FleetData, fresh: Alert): FleetData {
  // Resolved is final: Level gives an alert that comes back a new id, so a late `alert_active`
  // (a retry, a re-run, out-of-order delivery) for an alert known resolved changes nothing.
  if (data.recentResolvedAlerts.some((alert) => alert.id === fresh.id)) return data;
  const alert: Alert = { ...fresh, resolved: false, resolvedAt: null };
  const index = data.activeAlerts.findIndex((known) => known.id === alert.id);
  const activeAlerts = index === -1 ? [...data.activeAlerts, alert] : data.activeAlerts.with(index, alert);
  return { ...data, activeAlerts };
}

function withAlertResolved(
  data: FleetData,
  event: Extract<FleetEvent, { type: 'alert_resolved' }>,
): FleetData {
  if (data.recentResolvedAlerts.some((alert) => alert.id === event.alertId)) return data;
  const known = data.activeAlerts.find((alert) => alert.id === event.alertId) ?? event.alert;
  if (!known) return data;
  const resolved: Alert = { ...known, resolved: true, resolvedAt: event.resolvedAt };
  return withAlertsResolved(data, [resolved], new Date(event.resolvedAt));
}

function withDeviceUpsert(data: FleetData, fresh: Device): FleetData {
  // The event's device may lack Level's group_name (the API does not always send it): the group
  // list knows it.
  const groupName =
    fresh.groupId === null
      ? null
      : (data.groups.find((group) => group.id === fresh.groupId)?.name ?? fresh.groupName);
  const device: Device = { ...fresh, groupName };
  if (data.devices.some((known) => known.id === device.id)) return withDeviceFromLevel(data, device);
  return { ...data, devices: [...data.devices, device] };
}

function withDeviceDeleted(data: FleetData, deviceId: string): FleetData {
  if (!data.devices.some((device) => device.id === deviceId)) return data;
  return {
    ...data,
    devices: data.devices.filter((device) => device.id !== deviceId),
    activeAlerts: data.activeAlerts.filter((alert) => alert.deviceId !== deviceId),
  };
}

function withGroupUpsert(data: FleetData, group: Group): FleetData {
  const index = data.groups.findIndex((known) => known.id === group.id);
  return withGroups(data, index === -1 ? [...data.groups, group] : data.groups.with(index, group));
}

function withGroupDeleted(data: FleetData, groupId: string): FleetData {
  if (!data.groups.some((group) => group.id === groupId)) return data;
  return withGroups(
    data,
    data.groups.filter((group) => group.id !== groupId),
  );
}

/** The fleet after the event; the same object when the event changes nothing. */
export function applyFleetEvent(data: FleetData, event: FleetEvent): FleetData {
  switch (event.type) {
    case 'alert_active':
      return withAlertActive(data, event.alert);
    case 'alert_resolved':
      return withAlertResolved(data, event);
    case 'device_upsert':
      return withDeviceUpsert(data, event.device);
    case 'device_deleted':
      return withDeviceDeleted(data, event.deviceId);
    case 'group_upsert':
      return withGroupUpsert(data, event.group);
    case 'group_deleted':
      return withGroupDeleted(data, event.groupId);
  }
}
