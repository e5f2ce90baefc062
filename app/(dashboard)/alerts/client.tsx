'use client';

import {
  ALERT_STATUSES,
  parseAlertsView,
  serializeAlertsView,
  toAlertParams,
} from '@/app/(dashboard)/alerts/search-params';
import { AcknowledgeAlertButton, AcknowledgeSelectedButton } from '@/components/actions/acknowledge';
import { useAdminActions } from '@/components/actions/admin-context';
import { ResolveAlertButton, ResolveSelectedBar } from '@/components/actions/resolve-alerts';
import { AlertItem } from '@/components/alerts/alert-item';
import { SeverityFilter } from '@/components/alerts/severity-filter';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { SearchInput } from '@/components/ui/search-input';
import { Segmented } from '@/components/ui/segmented';
import { SelectField } from '@/components/ui/select-field';
import { SkeletonLines } from '@/components/ui/skeleton';
import { ALERT_SORT_LABEL, ALERT_SORTS, type AlertSort } from '@/lib/domain/alert-sort';
import { SEVERITIES } from '@/lib/domain/severity';
import { formatCount } from '@/lib/format';
import { useOnVisible } from '@/lib/hooks/use-on-visible';
import { useUrlState } from '@/lib/hooks/use-url-state';
import { alertCountQuery, alertListQuery, type AlertWindow } from '@/lib/query/alerts';
import { groupNamesQuery } from '@/lib/query/groups';
import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { BellOff, X } from 'lucide-react';
import { useMemo, useState } from 'react';

const STATUS_LABEL = { active: 'Active', resolved: 'Resolved (24 h)', all: 'All' } as const;
const WINDOW_LABEL: Record<AlertWindow, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
};

export function AlertsClient() {
  const [view, setView] = useUrlState(parseAlertsView, serializeAlertsView);
  const [search, setSearch] = useState(view.q ?? '');
  const effective = { ...view, q: search.trim() || undefined };
  const params = toAlertParams(effective);

  const list = useInfiniteQuery(alertListQuery(params));
  const groups = useQuery(groupNamesQuery());
  // Counts per severity under every other filter, so the tiles say what pressing one would show.
  const counts = useQueries({
    queries: SEVERITIES.map((severity) => alertCountQuery({ ...params, severity: [severity] })),
  });
  const countBySeverity = Object.fromEntries(
    SEVERITIES.map((severity, index) => [severity, counts[index]?.data]),
  );

  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  const actions = useAdminActions();
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const activeShown = useMemo(() => rows.filter((row) => !row.resolved).map((row) => row.id), [rows]);
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const total = list.data?.pages[0]?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const sentinel = useOnVisible<HTMLDivElement>(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, Boolean(hasNextPage));
  const filtered = Boolean(effective.q || view.group || view.device || view.window || view.severity.length);
  const deviceName = view.device
    ? (rows.find((row) => row.deviceId === view.device)?.deviceHostname ?? 'one device')
    : null;
  const clear = () => {
    setSearch('');
    setView({ severity: [], group: undefined, device: undefined, window: undefined, q: undefined });
  };

  return (
    <div className="space-y-4">
      <PageHeader title="Alerts">
        <p className="text-sm text-muted" aria-live="polite" data-testid="alert-count">
          {list.isPending ? (
            'Loading alerts…'
          ) : (
            <>
              <span data-value={total}>{formatCount(total)}</span> {total === 1 ? 'alert' : 'alerts'},{' '}
              {ALERT_SORT_LABEL[view.sort ?? 'severity'].toLowerCase()}
            </>
          )}
        </p>
      </PageHeader>
      <Segmented
        label="Alert status"
        options={ALERT_STATUSES.map((value) => ({ value, label: STATUS_LABEL[value] }))}
        value={view.status}
        // A severity picked on one tab would otherwise filter the next one silently (issue 16).
        onChange={(status) => setView({ status, severity: [] })}
        testId="alert-status"
      />
      <SeverityFilter
        counts={countBySeverity}
        selected={view.severity}
        onChange={(severity) => setView({ severity })}
      />
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex w-full min-w-0 sm:w-auto sm:flex-1">
          <SearchInput
            label="Search alerts"
            placeholder="Alert name or hostname"
            value={search}
            onChange={(value) => {
              setSearch(value);
              setView({ q: value.trim() || undefined });
            }}
            testId="alert-search"
          />
        </div>
        <SelectField
          label="Client / group"
          value={view.group ?? ''}
          onChange={(group) => setView({ group: group || undefined })}
          className="w-full sm:w-56"
          testId="alert-filter-group"
        >
          <option value="">All clients and groups</option>
          <option value="ungrouped">Ungrouped</option>
          {groups.data?.groups.map((group) => (
            <option key={group.id} value={group.id}>
              {`${'\u00a0\u00a0'.repeat(group.depth)}${group.name}`}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Time"
          value={view.window ?? ''}
          onChange={(window) => setView({ window: (window || undefined) as AlertWindow | undefined })}
          className="w-full sm:w-44"
          testId="alert-filter-window"
        >
          <option value="">Any time</option>
          {(Object.keys(WINDOW_LABEL) as AlertWindow[]).map((value) => (
            <option key={value} value={value}>
              {WINDOW_LABEL[value]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Order"
          value={view.sort ?? 'severity'}
          onChange={(sort) => setView({ sort: sort === 'newest' ? (sort as AlertSort) : undefined })}
          className="w-full sm:w-44"
          testId="alert-sort"
        >
          {ALERT_SORTS.map((value) => (
            <option key={value} value={value}>
              {ALERT_SORT_LABEL[value]}
            </option>
          ))}
        </SelectField>
        {view.device ? (
          <Button
            onClick={() => setView({ device: undefined })}
            aria-label={`Remove device filter (${deviceName})`}
            data-testid="alert-device-chip"
          >
            Device: {deviceName}
            <X className="size-4" aria-hidden />
          </Button>
        ) : null}
        {filtered ? <Button onClick={clear}>Clear filters</Button> : null}
      </div>
      <ResolveSelectedBar
        selected={[...selected].filter((id) => activeShown.includes(id))}
        selectable={activeShown.length}
        matching={view.status === 'active' ? total : undefined}
        onSelectAll={(all) => setSelected(new Set(all ? activeShown : []))}
        onDone={() => setSelected(new Set())}
      >
        <AcknowledgeSelectedButton
          alertIds={[...selected].filter((id) => activeShown.includes(id))}
          onDone={() => setSelected(new Set())}
        />
      </ResolveSelectedBar>
      {list.isPending ? (
        <div className="rounded-xl border border-line bg-raised p-4">
          <SkeletonLines lines={8} label="Loading alerts" />
        </div>
      ) : list.isError && !list.data ? (
        <ErrorPanel message={list.error.message} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={BellOff}
          title={
            filtered
              ? 'No alerts match these filters'
              : `No ${view.status === 'all' ? '' : view.status + ' '}alerts`
          }
          testId="alerts-empty"
        >
          {view.status === 'resolved' ? 'Levelboard keeps alerts it saw resolve for 24 hours.' : null}
        </EmptyState>
      ) : (
        <div
          className="rounded-xl border border-line bg-raised px-4 shadow-sm"
          aria-busy={list.isPlaceholderData}
          data-testid="alert-list"
        >
          <ul>
            {rows.map((alert) => (
              <AlertItem
                key={alert.id}
                alert={alert}
                select={
                  actions.visible && !alert.resolved ? (
                    <input
                      type="checkbox"
                      className="size-4 accent-accent"
                      aria-label={`Select ${alert.name} on ${alert.deviceHostname ?? alert.deviceId}`}
                      checked={selected.has(alert.id)}
                      onChange={() => toggle(alert.id)}
                      data-testid="select-alert"
                    />
                  ) : null
                }
                action={
                  <>
                    <AcknowledgeAlertButton alert={alert} />
                    <ResolveAlertButton alert={alert} />
                  </>
                }
              />
            ))}
          </ul>
          <div ref={sentinel} className="py-3 text-center text-sm text-muted">
            {hasNextPage ? (
              <Button onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
                {isFetchingNextPage ? 'Loading…' : `Load more (${formatCount(total - rows.length)} left)`}
              </Button>
            ) : (
              `All ${formatCount(total)} shown`
            )}
          </div>
        </div>
      )}
    </div>
  );
}
