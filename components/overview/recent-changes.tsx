import { SeverityBadge } from '@/components/status/severity-badge';
import type { ChangeEvent, ChangeKind } from '@/lib/domain/history';
import { isSeverity } from '@/lib/domain/severity';
import { formatAbsolute, formatRelative } from '@/lib/format';
import clsx from 'clsx';
import {
  BellPlus,
  BellRing,
  CheckCircle2,
  CircleArrowDown,
  CircleArrowUp,
  Wrench,
  type LucideIcon,
} from 'lucide-react';
import Link from 'next/link';

const KIND: Record<ChangeKind, { icon: LucideIcon; text: string; tone: string }> = {
  device_offline: { icon: CircleArrowDown, text: 'went offline', tone: 'text-offline' },
  device_online: { icon: CircleArrowUp, text: 'came back online', tone: 'text-online' },
  maintenance_on: { icon: Wrench, text: 'entered maintenance', tone: 'text-maintenance' },
  maintenance_off: { icon: Wrench, text: 'left maintenance', tone: 'text-muted' },
  alert_opened: { icon: BellPlus, text: 'alert opened', tone: 'text-warning' },
  alert_resolved: { icon: CheckCircle2, text: 'alert resolved', tone: 'text-online' },
};

export function RecentChanges({ events }: { events: ChangeEvent[] }) {
  if (events.length === 0) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted" data-testid="changes-empty">
        <BellRing className="size-4" aria-hidden />
        Nothing changed in this window.
      </p>
    );
  }
  return (
    <ol className="space-y-2.5 lg:max-h-[26rem] lg:overflow-y-auto lg:pr-1" data-testid="recent-changes">
      {events.map((event, index) => {
        const kind = KIND[event.kind];
        const Icon = kind.icon;
        return (
          <li
            key={`${event.kind}-${event.deviceId}-${event.alertId ?? ''}-${event.at}-${index}`}
            className="flex gap-2.5 text-sm"
          >
            <Icon className={clsx('mt-0.5 size-4 shrink-0', kind.tone)} aria-hidden />
            <div className="min-w-0 flex-1">
              <p className="break-words">
                <Link
                  href={`/devices/${encodeURIComponent(event.deviceId)}`}
                  prefetch={false}
                  className="font-medium hover:underline"
                >
                  {event.hostname ?? event.deviceId}
                </Link>{' '}
                <span className="text-muted">{kind.text}</span>
                {event.alertName ? <span>: {event.alertName}</span> : null}
              </p>
              <p className="flex flex-wrap items-center gap-x-2 text-xs text-muted">
                {event.severity && isSeverity(event.severity) ? (
                  <SeverityBadge severity={event.severity} />
                ) : null}
                {event.clientName ? <span>{event.clientName}</span> : null}
                <time dateTime={event.at} title={formatAbsolute(event.at)} suppressHydrationWarning>
                  {formatRelative(event.at)}
                </time>
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
