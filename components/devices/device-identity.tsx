import { DeviceFlag } from '@/components/devices/device-flag';
import { OpenInLevel } from '@/components/level/open-in-level';
import { SeverityCountBadges } from '@/components/status/severity-counts';
import { StatusBadge } from '@/components/status/status-badge';
import type { DeviceRow } from '@/lib/domain/fleet';
import { formatAbsolute, formatRelative, platformLabel, roleLabel } from '@/lib/format';
import { Tag } from 'lucide-react';
import Link from 'next/link';

/** Under the page title: what the device is, its state, and its tags. */
export function DeviceIdentity({ device }: { device: DeviceRow }) {
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 text-sm" data-testid="device-identity">
      <StatusBadge status={device.status} />
      <SeverityCountBadges counts={device.alertCounts} />
      <span className="text-muted">
        {[device.nickname ? device.hostname : null, platformLabel(device.platform), roleLabel(device.role)]
          .filter(Boolean)
          .join(' · ')}{' '}
        · last seen{' '}
        <time
          dateTime={device.lastSeenAt ?? undefined}
          title={formatAbsolute(device.lastSeenAt)}
          suppressHydrationWarning
        >
          {formatRelative(device.lastSeenAt)}
        </time>
      </span>
      {device.flag ? <DeviceFlag flag={device.flag} linked /> : null}
      <OpenInLevel deviceId={device.id} />
      {device.tags.map((tag) => (
        <Link
          key={tag}
          href={`/devices?tag=${encodeURIComponent(tag)}`}
          className="inline-flex items-center gap-1 rounded-full bg-sunken px-2 py-0.5 text-xs text-ink hover:underline"
        >
          <Tag className="size-3" aria-hidden />
          {tag}
        </Link>
      ))}
    </div>
  );
}
