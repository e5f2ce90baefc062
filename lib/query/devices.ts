import type { AlertRow, DeviceRow, Freshness, Page } from '@/lib/domain/fleet';
import type { DeviceDetail } from '@/lib/domain/level';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  type QueryClient,
} from '@tanstack/react-query';

// A small first page fills the screen quickly after each filter change or keystroke; the rest
// follows in pages of 500, the API's maximum (a 10k fleet is 21 requests).
export const FIRST_PAGE_SIZE = 100;
export const DEVICE_PAGE_SIZE = 500;
export const DEVICE_LIST_POLL_MS = 15_000;
export const DEVICE_POLL_MS = 15_000;

export interface DeviceResponse extends Freshness {
  device: DeviceRow;
  detail: DeviceDetail | null;
  detailError: string | null;
  /** When Level returned `detail`; older than a minute when Level failed and a copy is shown. */
  detailFetchedAt: string | null;
  alerts: AlertRow[];
}

/** Level detail is cached a minute on the server; asking more often would only return the copy. */
export const DEVICE_DETAIL_POLL_MS = 60_000;

export function devicePageUrl(params: string, cursor: string | null, limit = DEVICE_PAGE_SIZE): string {
  const search = new URLSearchParams(params);
  search.set('limit', String(limit));
  if (cursor) search.set('cursor', cursor);
  return `/api/devices?${search}`;
}

/**
 * `params` is the canonical API query (filters and sort, no cursor or limit). Filtering and sorting
 * happen on the server, which answers from its snapshot in milliseconds; the previous rows stay on
 * screen while a new filter loads.
 */
export const deviceListQuery = (params: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.deviceList(params),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<Page<DeviceRow>>(
        devicePageUrl(params, pageParam, pageParam ? DEVICE_PAGE_SIZE : FIRST_PAGE_SIZE),
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    refetchInterval: DEVICE_LIST_POLL_MS,
  });

/** Every matching row, following the cursor; for exports. */
export async function fetchAllDevices(params: string, signal?: AbortSignal): Promise<DeviceRow[]> {
  const rows: DeviceRow[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<DeviceRow> = await fetchJson<Page<DeviceRow>>(devicePageUrl(params, cursor), { signal });
    rows.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/**
 * The device as the last sync knows it (identity, status, alerts), without asking Level: answers
 * in milliseconds whatever Level is doing, so the page paints from it first.
 */
export const deviceSnapshotQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.deviceSnapshot(id),
    queryFn: ({ signal }) =>
      fetchJson<DeviceResponse>(`/api/devices/${encodeURIComponent(id)}?detail=0`, { signal }),
    refetchInterval: DEVICE_POLL_MS,
  });

/** The same plus hardware/OS/security detail, which the server fetches from Level on demand. */
export const deviceQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.device(id),
    queryFn: ({ signal }) => fetchJson<DeviceResponse>(`/api/devices/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: DEVICE_DETAIL_POLL_MS,
  });

/** A small first page of one group's devices, worst first, for the group page. */
export const groupDevicesQuery = (groupId: string, limit: number) =>
  queryOptions({
    queryKey: queryKeys.deviceList(`group=${groupId}&sort=status&limit=${limit}`),
    queryFn: ({ signal }) =>
      fetchJson<Page<DeviceRow>>(
        `/api/devices?group=${encodeURIComponent(groupId)}&sort=status&limit=${limit}`,
        { signal },
      ),
    refetchInterval: DEVICE_LIST_POLL_MS,
  });

function rowsOf(data: unknown): DeviceRow[] {
  if (!data || typeof data !== 'object') return [];
  if ('pages' in data && Array.isArray(data.pages)) return data.pages.flatMap(rowsOf);
  if ('data' in data && Array.isArray(data.data)) return data.data as DeviceRow[];
  return [];
}

/**
 * A device row already in a list's cache, so the detail page can show identity and status at
 * once while the full detail (fetched from Level on demand) loads.
 */
export function cachedDeviceRow(queryClient: QueryClient, id: string): DeviceRow | undefined {
  for (const [, data] of queryClient.getQueriesData({ queryKey: queryKeys.deviceLists() })) {
    const row = rowsOf(data).find((candidate) => candidate.id === id);
    if (row) return row;
  }
  return undefined;
}
