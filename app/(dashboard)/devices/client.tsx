'use client';

import {
  DEFAULT_SORT,
  hasFilters,
  parseDeviceView,
  serializeDeviceView,
  type DeviceView,
} from '@/app/(dashboard)/devices/search-params';
import { useAdminActions } from '@/components/actions/admin-context';
import { DeviceBulkBar } from '@/components/actions/device-bulk-bar';
import { DEVICE_CSV_COLUMNS, deviceCsvFilename } from '@/components/devices/device-csv';
import { DeviceFilters } from '@/components/devices/device-filters';
import { DeviceTable, type TableState } from '@/components/devices/device-table';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { downloadCsv, toCsv } from '@/lib/csv';
import type { DeviceRow } from '@/lib/domain/fleet';
import { formatCount } from '@/lib/format';
import { useUrlState } from '@/lib/hooks/use-url-state';
import { deviceListQuery, fetchAllDevices } from '@/lib/query/devices';
import { LevelboardApiError } from '@/lib/query/fetch-json';
import { fleetSummaryQuery } from '@/lib/query/fleet';
import { groupNamesQuery } from '@/lib/query/groups';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Download, Loader2, SearchX } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';

const STREAM_AFTER_MS = 400;
const URL_AFTER_MS = 300;

export function DevicesClient() {
  const [view, setView] = useUrlState(parseDeviceView, serializeDeviceView);
  // The box answers each keystroke from local state; the URL follows without holding it up.
  const [search, setSearch] = useState(view.q ?? '');
  const effective: DeviceView = { ...view, q: search.trim() || undefined };
  const params = serializeDeviceView(effective, true).toString();

  const list = useInfiniteQuery(deviceListQuery(params));
  const groups = useQuery(groupNamesQuery());
  const summary = useQuery(fleetSummaryQuery());

  // The rest streams in once the view has settled for a moment (not between keystrokes, where it
  // would compete with the next answer), or at once when the user scrolls towards it.
  const { hasNextPage, isFetching, isPlaceholderData, fetchNextPage } = list;
  const [wanted, setWanted] = useState<string | null>(null);
  const streamed = list.data?.pages.length ?? 0;
  useEffect(() => {
    if (!hasNextPage || isFetching || isPlaceholderData) return;
    if (wanted === params || streamed > 1) {
      void fetchNextPage();
      return;
    }
    const timer = setTimeout(() => void fetchNextPage(), STREAM_AFTER_MS);
    return () => clearTimeout(timer);
  }, [hasNextPage, isFetching, isPlaceholderData, fetchNextPage, wanted, params, streamed]);

  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const tags = useUnion(rows, tagsOf);
  const flags = useUnion(rows, flagOf);

  const state: TableState = list.isPending ? 'loading' : isPlaceholderData ? 'updating' : 'ready';
  const filtered = hasFilters(effective);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  // The URL follows the search box after a pause: history updates cost a few milliseconds each.
  useEffect(() => {
    const timer = setTimeout(() => setView({ q: search.trim() || undefined }), URL_AFTER_MS);
    return () => clearTimeout(timer);
  }, [search, setView]);
  const onSearch = setSearch;
  const onClear = useCallback(() => {
    setSearch('');
    setView({
      q: undefined,
      status: [],
      group: undefined,
      tag: undefined,
      platform: [],
      role: [],
      alerts: undefined,
      flag: undefined,
    });
  }, [setView]);
  const onExport = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const complete = !hasNextPage && !isPlaceholderData && rows.length === total;
      const all = complete ? rows : await fetchAllDevices(params);
      downloadCsv(deviceCsvFilename(), toCsv(all, DEVICE_CSV_COLUMNS));
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };

  const actions = useAdminActions();
  const [selected, setSelected] = useState<ReadonlyMap<string, DeviceRow>>(() => new Map());
  const toggle = useCallback(
    (row: DeviceRow) =>
      setSelected((current) => {
        const next = new Map(current);
        if (next.has(row.id)) next.delete(row.id);
        else next.set(row.id, row);
        return next;
      }),
    [],
  );
  const selection = useMemo(() => ({ has: (id: string) => selected.has(id), toggle }), [selected, toggle]);
  const selectedRows = useMemo(() => [...selected.values()], [selected]);
  const [selectingAll, setSelectingAll] = useState(false);
  const selectAllMatching = async () => {
    setSelectingAll(true);
    try {
      const all = await fetchAllDevices(params);
      setSelected(new Map(all.map((row) => [row.id, row])));
    } finally {
      setSelectingAll(false);
    }
  };

  const notFound = list.error instanceof LevelboardApiError && list.error.status === 404;
  return (
    <div className="space-y-4">
      <PageHeader
        title="Devices"
        actions={
          <Button
            onClick={() => void onExport()}
            disabled={exporting || state === 'loading'}
            data-testid="export-csv"
          >
            {exporting ? (
              <Loader2 className="size-4 animate-spin" aria-hidden />
            ) : (
              <Download className="size-4" aria-hidden />
            )}
            Export CSV
          </Button>
        }
      >
        <p className="text-sm text-muted" aria-live="polite" data-testid="device-count">
          {state === 'loading' ? (
            'Loading devices…'
          ) : (
            <>
              <span data-value={total}>{formatCount(total)}</span>
              {filtered || summary.data?.syncedAt
                ? ` of ${formatCount(summary.data?.devices.total ?? total)} devices`
                : ' devices'}
              {rows.length < total && state === 'ready'
                ? ` · loading ${formatCount(total - rows.length)} more…`
                : ''}
            </>
          )}
        </p>
      </PageHeader>
      {exportError ? (
        <ErrorPanel message={`Export failed: ${exportError}`} onRetry={() => void onExport()} />
      ) : null}
      <DeviceFilters
        view={view}
        search={search}
        onSearch={onSearch}
        onChange={setView}
        onClear={onClear}
        groups={groups.data?.groups}
        tags={tags}
        flags={flags}
        filtered={filtered}
      />
      {/* Only while rows are selected: an always-visible bar cost a row of the table at 1440×900
          and most of a phone's first screen (issue 16). The row checkboxes are the way in. */}
      {actions.visible && total > 0 && selected.size > 0 ? (
        <DeviceBulkBar
          selected={selectedRows}
          total={total}
          onSelectAll={() => void selectAllMatching()}
          selectingAll={selectingAll}
          onClear={() => setSelected(new Map())}
          groups={groups.data?.groups}
        />
      ) : null}
      {notFound ? (
        <EmptyState
          icon={SearchX}
          title="Nothing matches this filter"
          action={<Button onClick={onClear}>Clear filters</Button>}
        >
          {list.error?.message}
        </EmptyState>
      ) : list.isError && !list.data ? (
        <ErrorPanel message={list.error.message} onRetry={() => void list.refetch()} />
      ) : state !== 'loading' && total === 0 ? (
        <EmptyState
          icon={SearchX}
          title={filtered ? 'No devices match these filters' : 'No devices yet'}
          action={filtered ? <Button onClick={onClear}>Clear filters</Button> : undefined}
          testId="devices-empty"
        >
          {filtered
            ? 'Try fewer filters or a shorter search.'
            : 'Devices appear here after the first sync from Level.'}
        </EmptyState>
      ) : (
        <DeviceTable
          selection={actions.visible ? selection : undefined}
          rows={rows}
          total={total}
          sort={view.sort ?? DEFAULT_SORT}
          onSort={(sort) => setView({ sort })}
          state={state}
          paramsKey={params}
          onNeedRows={setWanted}
        />
      )}
    </div>
  );
}

const tagsOf = (row: DeviceRow): readonly string[] => row.tags;
const flagOf = (row: DeviceRow): readonly string[] => (row.flag === null ? [] : [row.flag]);

/**
 * Tag names (or flags) seen so far in any listing; Levelboard's API lists neither, so the choices
 * grow as rows load. `pick` must be a stable function.
 */
function useUnion(rows: DeviceRow[], pick: (row: DeviceRow) => readonly string[]): string[] {
  const [seen, setSeen] = useState<{ rows: unknown; values: string[] }>({ rows: null, values: [] });
  if (seen.rows !== rows) {
    const values = new Set(seen.values);
    for (const row of rows) for (const value of pick(row)) values.add(value);
    const next =
      values.size === seen.values.length ? seen.values : [...values].sort((a, b) => a.localeCompare(b));
    setSeen({ rows, values: next });
    return next;
  }
  return seen.values;
}
