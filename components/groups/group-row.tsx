import { SeverityCountBadges } from '@/components/status/severity-counts';
import { StatusBar } from '@/components/status/status-bar';
import type { GroupTotals } from '@/lib/domain/fleet';
import { formatCount, formatPercent, onlinePct } from '@/lib/format';
import clsx from 'clsx';
import Link from 'next/link';
import type { ReactNode } from 'react';

export const GROUP_GRID =
  'grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 px-3 md:grid-cols-[minmax(0,1fr)_5rem_11rem_5rem_10rem]';

export function GroupHeaderRow() {
  return (
    <div
      role="row"
      className={clsx(
        GROUP_GRID,
        'hidden h-9 border-b border-line text-xs font-medium text-muted uppercase md:grid',
      )}
    >
      <span role="columnheader">Group</span>
      <span role="columnheader" className="text-right">
        Devices
      </span>
      <span role="columnheader">Online</span>
      <span role="columnheader" className="text-right">
        Offline
      </span>
      <span role="columnheader">Active alerts</span>
    </div>
  );
}

/** One group with its rolled-up health; `lead` holds the expand button and indentation. */
export function GroupRow({
  id,
  name,
  href,
  totals,
  lead,
  actions,
  testId = 'group-row',
}: {
  id: string;
  name: string;
  /** Absent: the name is plain text (the "directly in this group" row links nowhere). */
  href?: string;
  totals: GroupTotals;
  lead?: ReactNode;
  /** Admin controls at the end of the name cell. */
  actions?: ReactNode;
  testId?: string;
}) {
  const pct = onlinePct(totals);
  const { devices } = totals;
  return (
    <div
      role="row"
      className={clsx(
        GROUP_GRID,
        'min-h-12 border-b border-line/60 py-2 text-sm last:border-b-0 hover:bg-sunken/60',
      )}
      data-testid={testId}
      data-group-id={id}
    >
      <div role="cell" className="flex min-w-0 items-center gap-1">
        {lead}
        <div className="min-w-0 flex-1">
          {href ? (
            <Link href={href} className="block truncate font-medium hover:underline" data-testid="group-link">
              {name}
            </Link>
          ) : (
            <span className="block truncate font-medium text-muted italic">{name}</span>
          )}
          <p className="truncate text-xs text-muted md:hidden">
            {formatCount(devices.total)} device{devices.total === 1 ? '' : 's'} ·{' '}
            {formatCount(devices.offline)} offline
            {totals.offlineServers
              ? ` · ${totals.offlineServers} server${totals.offlineServers === 1 ? '' : 's'} down`
              : ''}
          </p>
        </div>
        {actions}
      </div>
      <div role="cell" className="hidden text-right tabular-nums md:block" data-value={devices.total}>
        {formatCount(devices.total)}
      </div>
      <div role="cell" className="flex items-center gap-2">
        <StatusBar devices={devices} className="hidden w-20 md:flex" />
        <span className="text-right tabular-nums md:text-left" data-testid="online-pct">
          {formatPercent(pct)}
        </span>
      </div>
      <div role="cell" className="hidden text-right tabular-nums md:block">
        {formatCount(devices.offline)}
        {totals.offlineServers ? (
          <span className="block text-xs text-critical">
            {totals.offlineServers} server{totals.offlineServers === 1 ? '' : 's'}
          </span>
        ) : null}
      </div>
      <div role="cell" className="col-span-2 md:col-span-1">
        {totals.activeAlerts ? (
          <SeverityCountBadges counts={totals.alerts} />
        ) : (
          <span className="hidden text-muted md:inline">No alerts</span>
        )}
      </div>
    </div>
  );
}
