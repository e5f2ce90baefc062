import { DeviceFlag } from '@/components/devices/device-flag';
import { OpenInLevel } from '@/components/level/open-in-level';
import { PostureCell } from '@/components/posture/posture-cell';
import { SeverityCountBadges } from '@/components/status/severity-counts';
import { StatusBadge } from '@/components/status/status-badge';
import type { DeviceSortKey } from '@/lib/domain/device-sort';
import type { DeviceRow } from '@/lib/domain/fleet';
import { formatAbsolute, formatRelative, platformLabel, roleLabel } from '@/lib/format';
import { createColumnHelper, type RowData } from '@tanstack/react-table';
import Link from 'next/link';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generics must match the library's declaration
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Visibility per breakpoint; must follow the grid template in device-table.tsx. */
    cellClass: string;
    /** Absent: the column cannot be sorted by (its header is a plain label). */
    sortKey?: DeviceSortKey;
    /** Most useful first: the most alerts, the latest seen, the weakest score. */
    descFirst?: boolean;
  }
}

const column = createColumnHelper<DeviceRow>();

export const deviceColumns = [
  column.accessor('status', {
    header: 'Status',
    cell: (info) => <StatusBadge status={info.getValue()} compactBelow="md" />,
    meta: { cellClass: '', sortKey: 'status' },
  }),
  column.accessor('displayName', {
    header: 'Device',
    cell: ({ row: { original: device } }) => (
      <div className="min-w-0">
        <div className="flex min-w-0 items-center gap-1">
          <Link
            href={`/devices/${encodeURIComponent(device.id)}`}
            prefetch={false}
            className="block min-w-0 truncate font-medium text-ink hover:underline focus-visible:outline-2 focus-visible:outline-accent"
            data-testid="device-link"
          >
            {device.displayName}
          </Link>
          <OpenInLevel deviceId={device.id} label={`Open ${device.displayName} in Level`} compact small />
        </div>
        <p className="truncate text-xs text-muted">
          <span className="md:hidden">{device.clientName ?? 'Ungrouped'}</span>
          <span className="hidden md:inline">
            {[device.nickname ? device.hostname : null, device.lastLoggedInUser]
              .filter(Boolean)
              .join(' · ') || '\u00a0'}
          </span>
        </p>
      </div>
    ),
    meta: { cellClass: '', sortKey: 'name' },
  }),
  column.accessor('clientName', {
    header: 'Client / group',
    cell: ({ row: { original: device } }) => (
      <div className="min-w-0">
        <p className="truncate">{device.clientName ?? 'Ungrouped'}</p>
        <p className="truncate text-xs text-muted">{device.groupPath.slice(1).join(' / ') || '\u00a0'}</p>
      </div>
    ),
    meta: { cellClass: 'hidden md:block', sortKey: 'client' },
  }),
  column.accessor('platform', {
    header: 'Platform',
    cell: ({ row: { original: device } }) => (
      <div className="min-w-0">
        <p className="truncate">{platformLabel(device.platform)}</p>
        <p className="truncate text-xs text-muted">{roleLabel(device.role)}</p>
      </div>
    ),
    meta: { cellClass: 'hidden lg:block', sortKey: 'platform' },
  }),
  column.accessor('flag', {
    header: 'Flag',
    cell: (info) => <DeviceFlag flag={info.getValue()} />,
    meta: { cellClass: 'hidden lg:block' },
  }),
  column.accessor('activeAlerts', {
    header: 'Alerts',
    cell: ({ row: { original: device } }) =>
      device.activeAlerts ? (
        <SeverityCountBadges counts={device.alertCounts} />
      ) : (
        <span className="text-muted">
          <span aria-hidden>—</span>
          <span className="sr-only">none</span>
        </span>
      ),
    meta: { cellClass: 'justify-self-end md:justify-self-start', sortKey: 'alerts', descFirst: true },
  }),
  column.accessor('securityScore', {
    header: 'Security',
    cell: ({ row: { original: device } }) => <PostureCell device={device} />,
    meta: { cellClass: 'hidden lg:block', sortKey: 'securityScore' },
  }),
  column.accessor('lastSeenAt', {
    header: 'Last seen',
    cell: (info) => (
      <time
        dateTime={info.getValue() ?? undefined}
        title={formatAbsolute(info.getValue())}
        className="text-muted"
        suppressHydrationWarning
      >
        {formatRelative(info.getValue())}
      </time>
    ),
    meta: { cellClass: 'hidden md:block', sortKey: 'lastSeen', descFirst: true },
  }),
];
