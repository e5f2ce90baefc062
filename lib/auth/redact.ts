import type { AlertRow, ChangeEventLike, DeviceRow } from '@/lib/auth/redact-types';
import type { DeviceDetail } from '@/lib/domain/level';
import { createHash } from 'node:crypto';

// "Hide hostnames and users" share links: names become stable pseudonyms derived from the
// device id, so a technician can still tell devices apart and talk about "Device 3F9A2C".

export function pseudonym(deviceId: string): string {
  return `Device ${createHash('sha256').update(deviceId).digest('hex').slice(0, 6).toUpperCase()}`;
}

function scrubText(text: string | null, hostname: string | null, replacement: string): string | null {
  if (!text || !hostname) return text;
  return text.split(hostname).join(replacement);
}

export function redactDeviceRow(row: DeviceRow): DeviceRow {
  const name = pseudonym(row.id);
  return {
    ...row,
    hostname: name,
    nickname: null,
    displayName: name,
    lastLoggedInUser: null,
    serialNumber: null,
  };
}

export function redactAlertRow(row: AlertRow): AlertRow {
  const name = pseudonym(row.deviceId);
  return {
    ...row,
    deviceHostname: name,
    name: scrubText(row.name, row.deviceHostname, name) ?? row.name,
    description: scrubText(row.description, row.deviceHostname, name),
  };
}

export function redactDetail(detail: DeviceDetail): DeviceDetail {
  const name = pseudonym(detail.id);
  return {
    ...detail,
    hostname: name,
    nickname: null,
    displayName: name,
    lastLoggedInUser: null,
    serialNumber: null,
  };
}

export function redactChange<T extends ChangeEventLike>(event: T): T {
  return { ...event, hostname: pseudonym(event.deviceId) };
}
