import { OpenInLevel } from '@/components/level/open-in-level';
import { AcknowledgedLabel } from '@/components/status/acknowledged-label';
import { SeverityBadge } from '@/components/status/severity-badge';
import type { AlertRow } from '@/lib/domain/fleet';
import { formatAbsolute, formatRelative } from '@/lib/format';
import { CheckCircle2 } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';

export function AlertItem({
  alert,
  showDevice = true,
  select,
  action,
}: {
  alert: AlertRow;
  showDevice?: boolean;
  /** A selection checkbox, for admins picking alerts to act on. */
  select?: ReactNode;
  /** Controls at the end of the row (e.g. resolve). */
  action?: ReactNode;
}) {
  const when = alert.resolved ? alert.resolvedAt : alert.startedAt;
  return (
    <li
      className="flex flex-col gap-1 border-b border-line/60 py-2.5 last:border-b-0 sm:flex-row sm:items-start sm:gap-3"
      data-testid="alert-item"
      data-alert-id={alert.id}
      data-severity={alert.severity}
      data-acknowledged={alert.acknowledged ? 'true' : 'false'}
    >
      <div className="flex shrink-0 items-center gap-2 sm:w-36">
        {select}
        <SeverityBadge severity={alert.severity} />
      </div>
      <div className="min-w-0 flex-1">
        <p className="font-medium break-words">{alert.name}</p>
        <p className="text-xs text-muted">
          {showDevice ? (
            <>
              <Link
                href={`/devices/${encodeURIComponent(alert.deviceId)}`}
                prefetch={false}
                className="text-ink underline decoration-muted/60 underline-offset-2 hover:decoration-ink"
              >
                {alert.deviceHostname ?? alert.deviceId}
              </Link>
              {alert.clientName ? ` · ${alert.clientName}` : ''}
              {' · '}
            </>
          ) : null}
          {alert.resolved ? (
            <span className="inline-flex items-center gap-1">
              <CheckCircle2 className="size-3 text-online" aria-hidden />
              resolved
            </span>
          ) : (
            'active'
          )}
        </p>
        {alert.acknowledged ? <AcknowledgedLabel ack={alert.acknowledged} className="text-xs" /> : null}
        {alert.description ? (
          <p className="mt-0.5 line-clamp-2 text-sm text-muted">{alert.description}</p>
        ) : null}
      </div>
      <time
        dateTime={when ?? undefined}
        title={formatAbsolute(when)}
        className="shrink-0 text-xs text-muted sm:pt-0.5"
        suppressHydrationWarning
      >
        {alert.resolved ? 'resolved ' : 'started '}
        {formatRelative(when)}
      </time>
      {/* One line with the row's controls, also on a phone where the row stacks. */}
      <div className="flex shrink-0 items-center gap-1 empty:hidden">
        <OpenInLevel
          deviceId={alert.deviceId}
          label={`Open ${alert.deviceHostname ?? 'the device'} in Level`}
          compact
        />
        {action}
      </div>
    </li>
  );
}
