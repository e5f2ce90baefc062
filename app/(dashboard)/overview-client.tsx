'use client';

import { OVERVIEW_RANGES, parseOverviewView, serializeOverviewView } from '@/app/(dashboard)/search-params';
import { ChartSkeleton } from '@/components/charts/chart-skeleton';
import { HistoryEmpty } from '@/components/charts/history-empty';
import { ChartAlertSeverity, ChartClientOnline, ChartHealthHistory } from '@/components/charts/lazy';
import { RangePicker } from '@/components/charts/range-picker';
import { PageHeader } from '@/components/layout/page-header';
import { ClientHealthGrid } from '@/components/overview/client-health-grid';
import { ProblemsNow } from '@/components/overview/problems-now';
import { RecentChanges } from '@/components/overview/recent-changes';
import { SitesDown } from '@/components/overview/sites-down';
import { PostureOverview } from '@/components/posture/posture-overview';
import { DeviceTiles } from '@/components/status/device-tiles';
import { SeverityTiles } from '@/components/status/severity-tiles';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { QueryView } from '@/components/ui/query-view';
import { SkeletonLines } from '@/components/ui/skeleton';
import { changesFromAlerts } from '@/lib/changes';
import { useUrlState } from '@/lib/hooks/use-url-state';
import { alertListQuery } from '@/lib/query/alerts';
import { fleetSummaryQuery } from '@/lib/query/fleet';
import { fleetClientsQuery } from '@/lib/query/groups';
import { changesQuery, historyQuery } from '@/lib/query/history';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Building2 } from 'lucide-react';
import { useState } from 'react';

const CHANGE_HOURS = 6;
const CHANGE_LIMIT = 15;

export function OverviewClient() {
  const [view, setView] = useUrlState(parseOverviewView, serializeOverviewView);
  const summary = useQuery(fleetSummaryQuery());
  const clients = useQuery(fleetClientsQuery());
  const history = useQuery(historyQuery(view.scope, view.range));
  const changes = useQuery(changesQuery(CHANGE_HOURS, CHANGE_LIMIT));
  // Without recorded history, alerts alone still say what changed.
  const recentAlerts = useInfiniteQuery({
    ...alertListQuery({ status: 'all', window: '24h' }, 100),
    enabled: changes.data === null,
  });
  const [now] = useState(() => Date.now());
  // Before the first sync the server answers zeros; show skeletons rather than a fleet of 0.
  const data = summary.data?.syncedAt ? summary.data : undefined;
  const clientList = clients.data?.syncedAt ? clients.data.clients : undefined;

  return (
    <div className="space-y-6">
      <PageHeader title="Fleet overview" />
      <SitesDown />
      <ProblemsNow />
      {summary.isError && !data ? (
        <ErrorPanel message={summary.error.message} onRetry={() => void summary.refetch()} />
      ) : null}
      <section aria-labelledby="devices-heading">
        <h2 id="devices-heading" className="mb-3 text-sm font-semibold tracking-wide text-muted uppercase">
          Devices
        </h2>
        <DeviceTiles counts={data?.devices} />
      </section>
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading" className="mb-3 text-sm font-semibold tracking-wide text-muted uppercase">
          Active alerts
        </h2>
        <SeverityTiles counts={data?.alerts.active} />
      </section>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card id="clients" title="Clients" className="lg:col-span-2" testId="clients-card">
          {clientList ? (
            clientList.length ? (
              <ClientHealthGrid clients={clientList} />
            ) : (
              <EmptyState icon={Building2} title="No clients">
                Level has no top-level groups; every device is ungrouped.
              </EmptyState>
            )
          ) : clients.isError ? (
            <ErrorPanel message={clients.error.message} onRetry={() => void clients.refetch()} />
          ) : (
            <SkeletonLines lines={6} label="Loading clients" />
          )}
        </Card>
        <Card id="changes" title={`What changed (last ${CHANGE_HOURS} h)`} testId="changes-card">
          {changes.data === null ? (
            <QueryView query={recentAlerts} skeleton={<SkeletonLines lines={6} label="Loading changes" />}>
              {(alerts) => (
                <div className="space-y-3">
                  <RecentChanges
                    events={changesFromAlerts(
                      alerts.pages.flatMap((page) => page.data),
                      now - CHANGE_HOURS * 3_600_000,
                      CHANGE_LIMIT,
                    )}
                  />
                  <p className="text-xs text-muted">
                    Device status changes appear once Levelboard records history.
                  </p>
                </div>
              )}
            </QueryView>
          ) : (
            <QueryView query={changes} skeleton={<SkeletonLines lines={6} label="Loading changes" />}>
              {(data) => <RecentChanges events={data.events} />}
            </QueryView>
          )}
        </Card>
      </div>

      <PostureOverview />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card id="client-online" title="Online % per client (lowest first)">
          {clientList ? <ChartClientOnline clients={clientList} /> : <ChartSkeleton height={240} />}
        </Card>
        <Card id="alert-severity" title="Active alerts by severity">
          {data ? <ChartAlertSeverity counts={data.alerts.active} /> : <ChartSkeleton height={220} />}
        </Card>
      </div>

      <Card
        id="health-history"
        title="Health over time"
        testId="health-history"
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <label className="sr-only" htmlFor="history-scope">
              Scope
            </label>
            <select
              id="history-scope"
              value={view.scope ?? ''}
              onChange={(event) => setView({ scope: event.target.value || undefined })}
              className="h-8 max-w-48 rounded-md border border-line bg-raised px-2 text-sm text-ink"
              data-testid="history-scope"
            >
              <option value="">Whole fleet</option>
              {clientList?.map((client) => (
                <option key={client.id} value={client.id}>
                  {client.name}
                </option>
              ))}
            </select>
            <RangePicker
              ranges={OVERVIEW_RANGES}
              value={view.range}
              onChange={(range) => setView({ range })}
            />
          </div>
        }
      >
        <QueryView
          query={history}
          skeleton={<ChartSkeleton height={320} />}
          isEmpty={(series) => !series || series.points.length === 0}
          empty={<HistoryEmpty />}
        >
          {(series) => <ChartHealthHistory series={series} />}
        </QueryView>
      </Card>
    </div>
  );
}
