import type { CsvColumn } from '@/lib/csv';
import type { DeviceRow } from '@/lib/domain/fleet';
import { PLATFORM_LABEL, ROLE_LABEL, STATUS_LABEL } from '@/lib/format';

// Stable, machine-friendly columns: ISO dates and raw ids, so a spreadsheet can sort and join them.
export const DEVICE_CSV_COLUMNS: CsvColumn<DeviceRow>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'name', value: (row) => row.displayName },
  { header: 'hostname', value: (row) => row.hostname },
  { header: 'status', value: (row) => STATUS_LABEL[row.status] },
  { header: 'client', value: (row) => row.clientName },
  { header: 'group path', value: (row) => row.groupPath.join(' / ') },
  {
    header: 'platform',
    value: (row) => (row.platform ? (PLATFORM_LABEL[row.platform] ?? row.platform) : null),
  },
  { header: 'role', value: (row) => (row.role ? (ROLE_LABEL[row.role] ?? row.role) : null) },
  { header: 'tags', value: (row) => row.tags.join('; ') },
  { header: 'level flag', value: (row) => row.flag },
  { header: 'last user', value: (row) => row.lastLoggedInUser },
  { header: 'serial number', value: (row) => row.serialNumber },
  { header: 'last seen', value: (row) => row.lastSeenAt },
  { header: 'security score', value: (row) => row.securityScore },
  // Patch and security posture (issue 20): raw values; empty where Levelboard does not know yet.
  { header: 'patches', value: (row) => row.posture?.patch },
  { header: 'pending updates', value: (row) => row.posture?.pendingUpdates },
  { header: 'failed updates', value: (row) => row.posture?.failedUpdates },
  { header: 'risk', value: (row) => row.posture?.risk },
  { header: 'antivirus', value: (row) => row.posture?.antivirus },
  { header: 'firewall on', value: (row) => row.posture?.firewallEnabled },
  { header: 'disk encrypted', value: (row) => row.posture?.encrypted },
  { header: 'os end of life', value: (row) => row.posture?.osEndOfLife },
  { header: 'active alerts', value: (row) => row.activeAlerts },
  { header: 'worst severity', value: (row) => row.worstSeverity },
];

export function deviceCsvFilename(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `levelboard-devices-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.csv`;
}
