import type { FleetSummary } from '@/lib/domain/fleet';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { queryOptions } from '@tanstack/react-query';

export const SUMMARY_POLL_MS = 5_000;

export const fleetSummaryQuery = () =>
  queryOptions({
    queryKey: queryKeys.fleetSummary(),
    queryFn: ({ signal }) => fetchJson<FleetSummary>('/api/fleet/summary', { signal }),
    refetchInterval: SUMMARY_POLL_MS,
  });
