'use client';

import { deviceColumns } from '@/components/devices/device-columns';
import { Skeleton } from '@/components/ui/skeleton';
import type { DeviceSortKey } from '@/lib/domain/device-sort';
import type { DeviceRow } from '@/lib/domain/fleet';
import type { DeviceSort } from '@/lib/query/device-params';
import { flexRender, getCoreRowModel, useReactTable, type Row } from '@tanstack/react-table';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import clsx from 'clsx';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';

const ROW_HEIGHT = 56;
// One template per breakpoint; the cells hidden at a breakpoint (cellClass) take no track.
const GRID =
  'grid grid-cols-[1.25rem_minmax(0,1fr)_auto] items-center gap-x-3 px-3 md:grid-cols-[7.5rem_minmax(0,2fr)_minmax(0,1.5fr)_8.5rem_7.5rem] lg:grid-cols-[7.5rem_minmax(0,2fr)_minmax(0,1.4fr)_8.5rem_minmax(0,1.4fr)_8.5rem_8rem_7.5rem]';
// The same with a leading checkbox track, for an admin selecting devices to act on.
const SELECT_GRID =
  'grid grid-cols-[1.5rem_1.25rem_minmax(0,1fr)_auto] items-center gap-x-3 px-3 md:grid-cols-[1.5rem_7.5rem_minmax(0,2fr)_minmax(0,1.5fr)_8.5rem_7.5rem] lg:grid-cols-[1.5rem_7.5rem_minmax(0,2fr)_minmax(0,1.4fr)_8.5rem_minmax(0,1.4fr)_8.5rem_8rem_7.5rem]';

export interface TableSelection {
  has(id: string): boolean;
  toggle(row: DeviceRow): void;
}

export type TableState = 'loading' | 'updating' | 'ready';

function sortState(sort: DeviceSort, key: DeviceSortKey): 'ascending' | 'descending' | undefined {
  if (sort === key) return 'ascending';
  if (sort === `-${key}`) return 'descending';
  return undefined;
}

/**
 * The fleet as a table that renders only the rows in view (plus a margin), so 10,000 rows scroll
 * like 50. The page scrolls, not an inner box, which keeps phones and keyboard scrolling natural.
 * Rows not yet streamed in are placeholders, so the scrollbar has its final length from the start.
 */
export function DeviceTable({
  rows,
  total,
  sort,
  onSort,
  state,
  paramsKey,
  onNeedRows,
  selection,
}: {
  rows: DeviceRow[];
  total: number;
  sort: DeviceSort;
  onSort: (sort: DeviceSort) => void;
  state: TableState;
  /** The request the rows answer; read by the UI benchmark. */
  paramsKey: string;
  /** The user scrolled near rows that have not streamed in yet. */
  onNeedRows?: (paramsKey: string) => void;
  /** Checkboxes per row (admins); absent for everyone else. */
  selection?: TableSelection;
}) {
  const grid = selection ? SELECT_GRID : GRID;
  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      const top = bodyRef.current ? bodyRef.current.getBoundingClientRect().top + window.scrollY : 0;
      setScrollMargin((previous) => (Math.abs(previous - top) > 0.5 ? top : previous));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const count = state === 'loading' ? 12 : Math.max(total, rows.length);
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin,
  });
  const items = virtualizer.getVirtualItems();
  // react-table gets only the rows in view: its row model is then O(window), not O(fleet), each
  // time a page streams in or a search answers.
  const offset = items[0]?.index ?? 0;
  const end = (items.at(-1)?.index ?? -1) + 1;
  const windowRows = useMemo(
    () => (state === 'loading' ? [] : rows.slice(offset, end)),
    [rows, offset, end, state],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is read during render only
  const table = useReactTable({
    data: windowRows,
    columns: deviceColumns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualSorting: true,
  });
  const tableRows = table.getRowModel().rows;
  useEffect(() => {
    if (state !== 'loading' && rows.length < total && end >= rows.length - 20) onNeedRows?.(paramsKey);
  }, [end, rows.length, total, state, onNeedRows, paramsKey]);

  return (
    <div
      role="table"
      aria-label="Devices"
      aria-rowcount={total + 1}
      aria-busy={state !== 'ready'}
      className="rounded-xl border border-line bg-raised shadow-sm"
      data-testid="device-table"
      data-state={state}
      data-params={paramsKey}
      data-total={total}
      data-loaded={rows.length}
    >
      <div role="rowgroup" className="sticky top-14 z-10 rounded-t-xl border-b border-line bg-raised">
        {table.getHeaderGroups().map((group) => (
          <div
            role="row"
            aria-rowindex={1}
            key={group.id}
            className={clsx(grid, 'h-10 text-xs font-medium text-muted')}
          >
            {selection ? (
              <div role="columnheader">
                <span className="sr-only">Selected</span>
              </div>
            ) : null}
            {group.headers.map((header) => {
              const meta = header.column.columnDef.meta;
              if (!meta) return null;
              const label = flexRender(header.column.columnDef.header, header.getContext());
              if (!meta.sortKey) {
                return (
                  <div role="columnheader" key={header.id} className={clsx(meta.cellClass, 'uppercase')}>
                    {label}
                  </div>
                );
              }
              const sortKey = meta.sortKey;
              const current = sortState(sort, sortKey);
              const Icon =
                current === 'ascending' ? ArrowUp : current === 'descending' ? ArrowDown : ArrowUpDown;
              const next: DeviceSort =
                current === 'ascending'
                  ? `-${sortKey}`
                  : current === 'descending'
                    ? sortKey
                    : meta.descFirst
                      ? `-${sortKey}`
                      : sortKey;
              return (
                <div
                  role="columnheader"
                  aria-sort={current ?? 'none'}
                  key={header.id}
                  className={meta.cellClass}
                >
                  <button
                    type="button"
                    onClick={() => onSort(next)}
                    className={clsx(
                      'inline-flex items-center gap-1 rounded px-0.5 py-1 uppercase hover:text-ink focus-visible:outline-2 focus-visible:outline-accent',
                      current && 'text-ink',
                      header.column.id === 'status' && 'max-md:sr-only',
                    )}
                    data-testid={`sort-${sortKey}`}
                  >
                    {label}
                    <Icon className={clsx('size-3.5', !current && 'opacity-40')} aria-hidden />
                  </button>
                </div>
              );
            })}
          </div>
        ))}
        {state === 'updating' ? (
          <div aria-hidden className="absolute inset-x-0 -bottom-px h-0.5 animate-pulse bg-accent" />
        ) : null}
      </div>
      <div
        role="rowgroup"
        ref={bodyRef}
        className={clsx('relative', state === 'updating' && 'opacity-70')}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const row = tableRows[item.index - offset];
          const style = { height: ROW_HEIGHT, transform: `translateY(${item.start - scrollMargin}px)` };
          if (!row) {
            return (
              <div
                key={item.key}
                aria-hidden
                className={clsx(grid, 'absolute top-0 left-0 w-full border-b border-line/60')}
                style={style}
                data-skeleton
              >
                {selection ? <span /> : null}
                <Skeleton className="size-3 rounded-full md:h-4 md:w-16" />
                <Skeleton className="h-4 w-40" />
                <Skeleton className="h-4 w-10 md:w-28" />
              </div>
            );
          }
          return (
            <TableRow
              key={row.id}
              row={row}
              device={row.original}
              index={item.index}
              top={item.start - scrollMargin}
              grid={grid}
              selected={selection?.has(row.id)}
              onToggle={selection?.toggle}
            />
          );
        })}
      </div>
    </div>
  );
}

/**
 * One row, re-rendered only when its device or position changes: while a search is in flight
 * the rows on screen stay as they are instead of rendering again.
 */
const TableRow = memo(
  function TableRow({
    row,
    index,
    top,
    grid,
    selected,
    onToggle,
  }: {
    row: Row<DeviceRow>;
    device: DeviceRow;
    index: number;
    top: number;
    grid: string;
    selected?: boolean;
    onToggle?: (row: DeviceRow) => void;
  }) {
    return (
      <div
        role="row"
        aria-rowindex={index + 2}
        className={clsx(
          grid,
          'absolute top-0 left-0 w-full border-b border-line/60 text-sm hover:bg-sunken/60',
          selected && 'bg-accent/10',
        )}
        style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
        data-row-index={index}
        data-testid="device-row"
        data-device-id={row.id}
      >
        {onToggle ? (
          <div role="cell">
            <input
              type="checkbox"
              className="size-4 accent-accent"
              checked={Boolean(selected)}
              onChange={() => onToggle(row.original)}
              aria-label={`Select ${row.original.displayName}`}
              data-testid="select-device"
            />
          </div>
        ) : null}
        {row.getVisibleCells().map((cell) => (
          <div role="cell" key={cell.id} className={clsx('min-w-0', cell.column.columnDef.meta?.cellClass)}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </div>
        ))}
      </div>
    );
  },
  // The row object is rebuilt whenever the window moves; what it renders depends on these only.
  (a, b) =>
    a.device === b.device &&
    a.index === b.index &&
    a.top === b.top &&
    a.selected === b.selected &&
    a.grid === b.grid &&
    a.onToggle === b.onToggle,
);
