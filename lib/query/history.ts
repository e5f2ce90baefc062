import type { ChangesResponse, DeviceHistory, HistoryRange, HistorySeries } from '@/lib/domain/history';
import { fetchOptionalJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { queryOptions } from '@tanstack/react-query';

// History routes may be absent on an older server: a 404 resolves to null ("not recorded yet").
export const HISTORY_POLL_MS = 60_000;
export const CHANGES_POLL_MS = 15_000;

/** The whole fleet's series, or one group's (a client's) when `groupId` is given. */
export const historyQuery = (groupId: string | undefined, range: HistoryRange) =>
  queryOptions({
    queryKey: groupId ? queryKeys.groupHistory(groupId, range) : queryKeys.fleetHistory(range),
    queryFn: ({ signal }) =>
      fetchOptionalJson<HistorySeries>(
        groupId
          ? `/api/history/groups/${encodeURIComponent(groupId)}?range=${range}`
          : `/api/history/fleet?range=${range}`,
        { signal },
      ),
    refetchInterval: HISTORY_POLL_MS,
  });

export const deviceHistoryQuery = (id: string, range: HistoryRange) =>
  queryOptions({
    queryKey: queryKeys.deviceHistory(id, range),
    queryFn: ({ signal }) =>
      fetchOptionalJson<DeviceHistory>(`/api/history/devices/${encodeURIComponent(id)}?range=${range}`, {
        signal,
      }),
    refetchInterval: HISTORY_POLL_MS,
  });

export const changesQuery = (hours: number, limit = 50) =>
  queryOptions({
    queryKey: queryKeys.changes(hours, limit),
    queryFn: ({ signal }) => {
      const since = new Date(Date.now() - hours * 3_600_000).toISOString();
      return fetchOptionalJson<ChangesResponse>(
        `/api/history/changes?since=${encodeURIComponent(since)}&limit=${limit}`,
        { signal },
      );
    },
    refetchInterval: CHANGES_POLL_MS,
  });
