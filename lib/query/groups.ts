import type { ClientsResponse, Freshness, GroupName, GroupNode, GroupTotals } from '@/lib/domain/fleet';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { queryOptions } from '@tanstack/react-query';

export const GROUPS_POLL_MS = 10_000;

export interface GroupsResponse extends Freshness {
  groups: GroupNode[];
  ungrouped: GroupTotals;
}

export const groupsQuery = () =>
  queryOptions({
    queryKey: queryKeys.groups(),
    queryFn: ({ signal }) => fetchJson<GroupsResponse>('/api/groups', { signal }),
    refetchInterval: GROUPS_POLL_MS,
  });

export interface GroupNamesResponse extends Freshness {
  groups: GroupName[];
}

/** For pages that only name groups (filters, breadcrumbs, move-to pickers): no health numbers. */
export const groupNamesQuery = () =>
  queryOptions({
    queryKey: queryKeys.groupNames(),
    queryFn: ({ signal }) => fetchJson<GroupNamesResponse>('/api/groups?view=names', { signal }),
    refetchInterval: GROUPS_POLL_MS,
  });

export const fleetClientsQuery = () =>
  queryOptions({
    queryKey: queryKeys.fleetClients(),
    queryFn: ({ signal }) => fetchJson<ClientsResponse>('/api/fleet/clients', { signal }),
    refetchInterval: GROUPS_POLL_MS,
  });
