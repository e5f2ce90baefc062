import { SeverityCountBadges } from '@/components/status/severity-counts';
import { StatusBadge } from '@/components/status/status-badge';
import type { DeviceRow } from '@/lib/domain/fleet';
import { formatAbsolute, formatRelative } from '@/lib/format';
import Link from 'next/link';

/** A short, non-virtualised list of devices (a group's worst first), linking to each device. */
export function DeviceList({ devices }: { devices: DeviceRow[] }) {
  return (
    <ul className="divide-y divide-line/60" data-testid="device-list">
      {devices.map((device) => (
        <li key={device.id} className="flex items-center gap-3 py-2 text-sm" data-testid="device-list-item">
          <StatusBadge status={device.status} compact />
          <div className="min-w-0 flex-1">
            <Link
              href={`/devices/${encodeURIComponent(device.id)}`}
              prefetch={false}
              className="block truncate font-medium hover:underline"
            >
              {device.displayName}
            </Link>
            <p className="truncate text-xs text-muted">{device.groupPath.join(' / ') || 'Ungrouped'}</p>
          </div>
          <SeverityCountBadges counts={device.alertCounts} className="shrink-0 justify-end" />
          <time
            dateTime={device.lastSeenAt ?? undefined}
            title={formatAbsolute(device.lastSeenAt)}
            className="hidden shrink-0 text-xs text-muted sm:block"
            suppressHydrationWarning
          >
            {formatRelative(device.lastSeenAt)}
          </time>
        </li>
      ))}
    </ul>
  );
}
