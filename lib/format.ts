import type { DeviceStatus, GroupTotals } from '@/lib/domain/fleet';
import type { HistoryRange } from '@/lib/domain/history';
import type { Severity } from '@/lib/domain/severity';
import { format, formatDistanceToNowStrict } from 'date-fns';

// Display helpers shared by pages, tables and the CSV export. Dates render in the viewer's time zone.

export const STATUS_LABEL: Record<DeviceStatus, string> = {
  online: 'Online',
  offline: 'Offline',
  maintenance: 'Maintenance',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  information: 'Information',
  warning: 'Warning',
  critical: 'Critical',
  emergency: 'Emergency',
};

export const PLATFORM_LABEL: Record<string, string> = {
  windows: 'Windows',
  mac: 'macOS',
  linux: 'Linux',
  other: 'Other',
};

export const ROLE_LABEL: Record<string, string> = {
  workstation: 'Workstation',
  server: 'Server',
  domain_controller: 'Domain controller',
};

export const platformLabel = (platform: string | null) =>
  platform ? (PLATFORM_LABEL[platform] ?? platform) : '—';
export const roleLabel = (role: string | null) => (role ? (ROLE_LABEL[role] ?? role) : '—');

export const formatCount = (value: number) => value.toLocaleString('en-US');

export function formatPercent(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return `${value.toFixed(digits)} %`;
}

/** online ÷ monitored (maintenance excluded), the same definition as the history API's onlinePct. */
export function onlinePct(totals: GroupTotals): number | null {
  const monitored = totals.devices.total - totals.devices.maintenance;
  return monitored > 0 ? (totals.devices.online / monitored) * 100 : null;
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 || unit === 0 ? value.toFixed(0) : value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatRelative(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? formatDistanceToNowStrict(date, { addSuffix: true }) : '—';
}

export function formatAbsolute(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? format(date, 'd MMM yyyy, HH:mm') : '—';
}

export function formatTime(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? format(date, 'HH:mm') : '—';
}

export const yesNo = (value: boolean | null | undefined) =>
  value === null || value === undefined ? '—' : value ? 'Yes' : 'No';

export const RANGE_LABEL: Record<HistoryRange, string> = {
  '1h': '1 h',
  '24h': '24 h',
  '7d': '7 days',
  '30d': '30 days',
  '1y': '1 year',
};
