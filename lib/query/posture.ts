import type { ClientPostureResponse, PostureSummaryResponse } from '@/lib/domain/posture';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { queryOptions } from '@tanstack/react-query';

// Posture moves over hours (updates are fetched once a day per device): a minute's poll is plenty.
const POSTURE_POLL_MS = 60_000;

export const postureSummaryQuery = (days = 90) =>
  queryOptions({
    queryKey: queryKeys.posture(days),
    queryFn: ({ signal }) => fetchJson<PostureSummaryResponse>(`/api/posture?days=${days}`, { signal }),
    refetchInterval: POSTURE_POLL_MS,
  });

export const clientPostureQuery = (id: string, days = 90) =>
  queryOptions({
    queryKey: queryKeys.clientPosture(id, days),
    queryFn: ({ signal }) =>
      fetchJson<ClientPostureResponse>(`/api/posture/clients/${encodeURIComponent(id)}?days=${days}`, {
        signal,
      }),
    refetchInterval: POSTURE_POLL_MS,
  });
