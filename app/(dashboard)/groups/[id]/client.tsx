'use client';

import {
  GROUP_RANGES,
  parseGroupView,
  serializeGroupView,
} from '@/app/(dashboard)/groups/[id]/search-params';
import { useIdentity } from '@/components/actions/admin-context';
import { GroupActions } from '@/components/actions/group-actions';
import { AlertItem } from '@/components/alerts/alert-item';
import { ChartSkeleton } from '@/components/charts/chart-skeleton';
import { HistoryEmpty } from '@/components/charts/history-empty';
import { ChartHealthHistory } from '@/components/charts/lazy';
import { RangePicker } from '@/components/charts/range-picker';
import { DeviceList } from '@/components/devices/device-list';
import { GroupHeaderRow, GroupRow } from '@/components/groups/group-row';
import { PageHeader } from '@/components/layout/page-header';
import { ClientPosturePanel } from '@/components/posture/client-posture-panel';
import { ClientAvailabilityCard } from '@/components/reports/client-availability-card';
import { DeviceTiles } from '@/components/status/device-tiles';
import { SeverityTiles } from '@/components/status/severity-tiles';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton, SkeletonLines } from '@/components/ui/skeleton';
import type { GroupNode } from '@/lib/domain/fleet';
import { formatCount, formatPercent, onlinePct } from '@/lib/format';
import { useUrlState } from '@/lib/hooks/use-url-state';
import { alertListQuery } from '@/lib/query/alerts';
import { groupDevicesQuery } from '@/lib/query/devices';
import { groupsQuery } from '@/lib/query/groups';
import { historyQuery } from '@/lib/query/history';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ChevronRight, FolderX } from 'lucide-react';
import Link from 'next/link';
import { Fragment } from 'react';

const DEVICE_LIMIT = 25;
const ALERT_LIMIT = 20;

export function GroupClient({ id }: { id: string }) {
  const identity = useIdentity();
  const [view, setView] = useUrlState(parseGroupView, serializeGroupView);
  const groups = useQuery(groupsQuery());
  const history = useQuery(historyQuery(id, view.range));
  const devices = useQuery(groupDevicesQuery(id, DEVICE_LIMIT));
  const alerts = useInfiniteQuery(alertListQuery({ status: 'active', group: id }, ALERT_LIMIT));

  const byId = new Map(groups.data?.groups.map((group) => [group.id, group]));
  const group = byId.get(id);
  if (groups.data && !group) {
    return (
      <div className="space-y-4">
        <PageHeader title="Group not found" />
        <EmptyState
          icon={FolderX}
          title="Levelboard does not know this group"
          action={
            <Link href="/groups" className="text-accent underline">
              Back to all groups
            </Link>
          }
          testId="group-not-found"
        >
          It may have been removed from Level, or the link is wrong.
        </EmptyState>
      </div>
    );
  }

  const ancestors: GroupNode[] = [];
  for (let parent = group?.parentId ? byId.get(group.parentId) : undefined; parent;) {
    ancestors.unshift(parent);
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  const children = group ? group.childIds.flatMap((child) => byId.get(child) ?? []) : [];
  const totals = group?.subtree;
  const alertRows = alerts.data?.pages[0]?.data ?? [];
  const alertTotal = alerts.data?.pages[0]?.total ?? 0;

  return (
    <div className="space-y-6">
      <PageHeader
        title={group ? group.name : <Skeleton className="h-8 w-56" />}
        actions={group && groups.data ? <GroupActions group={group} groups={groups.data.groups} /> : null}
        eyebrow={
          <nav aria-label="Breadcrumb">
            <ol className="flex flex-wrap items-center gap-1">
              <li>
                <Link href="/groups" className="hover:text-ink hover:underline">
                  Groups
                </Link>
              </li>
              {ancestors.map((ancestor) => (
                <Fragment key={ancestor.id}>
                  <li className="flex items-center gap-1">
                    <ChevronRight className="size-3.5" aria-hidden />
                    <Link
                      href={`/groups/${encodeURIComponent(ancestor.id)}`}
                      className="hover:text-ink hover:underline"
                    >
                      {ancestor.name}
                    </Link>
                  </li>
                </Fragment>
              ))}
            </ol>
          </nav>
        }
      >
        {totals ? (
          <p className="mt-1 text-sm text-muted" data-testid="group-summary">
            {group?.parentId ? 'Group' : 'Client'} · {formatPercent(onlinePct(totals))} online
            {totals.healthScore !== null ? ` · health ${Math.round(totals.healthScore)}` : ''}
            {totals.offlineServers
              ? ` · ${totals.offlineServers} server${totals.offlineServers === 1 ? '' : 's'} offline`
              : ''}
            {/* A client's monthly report: people only (a link session has report links instead). */}
            {group && !group.parentId && identity.via === 'person' ? (
              <>
                {' · '}
                <Link
                  href={`/reports/${encodeURIComponent(group.id)}`}
                  className="font-medium text-accent underline underline-offset-2"
                  data-testid="group-report-link"
                >
                  Monthly report
                </Link>
              </>
            ) : null}
          </p>
        ) : null}
      </PageHeader>

      <section aria-labelledby="group-devices-heading">
        <h2
          id="group-devices-heading"
          className="mb-3 text-sm font-semibold tracking-wide text-muted uppercase"
        >
          Devices in this group and below
        </h2>
        <DeviceTiles counts={totals?.devices} prefix="group-tile" />
      </section>
      <section aria-labelledby="group-alerts-heading">
        <h2
          id="group-alerts-heading"
          className="mb-3 text-sm font-semibold tracking-wide text-muted uppercase"
        >
          Active alerts
        </h2>
        <SeverityTiles counts={totals?.alerts} />
      </section>

      <Card
        id="group-history"
        title="Health over time"
        actions={
          <RangePicker ranges={GROUP_RANGES} value={view.range} onChange={(range) => setView({ range })} />
        }
      >
        <QueryView
          query={history}
          skeleton={<ChartSkeleton height={320} />}
          isEmpty={(data) => !data || data.points.length === 0}
          empty={<HistoryEmpty />}
        >
          {(data) => <ChartHealthHistory series={data} />}
        </QueryView>
      </Card>
      {group && group.parentId === null ? <ClientPosturePanel clientId={group.id} /> : null}

      {group && group.parentId === null ? <ClientAvailabilityCard clientId={group.id} /> : null}

      {children.length ? (
        <Card id="subgroups" title={`Subgroups (${children.length})`}>
          <div role="table" aria-label="Subgroups" className="-mx-4 -mb-4">
            <div role="rowgroup">
              <GroupHeaderRow />
            </div>
            <div role="rowgroup">
              {children.map((child) => (
                <GroupRow
                  key={child.id}
                  id={child.id}
                  name={child.name}
                  href={`/groups/${encodeURIComponent(child.id)}`}
                  totals={child.subtree}
                />
              ))}
              {/* The devices of this group itself, so the rows add up to the group's totals. */}
              {group ? (
                <GroupRow
                  id={group.id}
                  name="Directly in this group"
                  totals={group.direct}
                  testId="group-direct-row"
                />
              ) : null}
            </div>
          </div>
        </Card>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card
          id="group-device-list"
          title="Devices, offline first"
          actions={
            <Link
              href={`/devices?group=${encodeURIComponent(id)}`}
              className="text-sm text-accent hover:underline"
              data-testid="group-all-devices"
            >
              All {totals ? formatCount(totals.devices.total) : ''} in Devices
            </Link>
          }
        >
          <QueryView
            query={devices}
            skeleton={<SkeletonLines lines={6} label="Loading devices" />}
            isEmpty={(data) => data.data.length === 0}
            empty={<p className="text-sm text-muted">No devices in this group.</p>}
          >
            {(data) => <DeviceList devices={data.data} />}
          </QueryView>
        </Card>
        <Card
          id="group-alert-list"
          title={`Active alerts (${formatCount(alertTotal)})`}
          actions={
            <Link
              href={`/alerts?group=${encodeURIComponent(id)}`}
              className="text-sm text-accent hover:underline"
            >
              Open in Alerts
            </Link>
          }
        >
          <QueryView
            query={alerts}
            skeleton={<SkeletonLines lines={6} label="Loading alerts" />}
            isEmpty={() => alertRows.length === 0}
            empty={<p className="text-sm text-muted">No active alerts in this group.</p>}
          >
            {() => (
              <ul>
                {alertRows.map((alert) => (
                  <AlertItem key={alert.id} alert={alert} />
                ))}
              </ul>
            )}
          </QueryView>
        </Card>
      </div>
    </div>
  );
}
