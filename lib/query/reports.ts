import type { AvailabilityResponse, ClientReportSettingsResponse } from '@/lib/domain/availability-view';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryOptions } from '@tanstack/react-query';

export const AVAILABILITY_POLL_MS = 5 * 60_000;

/** A client's availability this month so far (the server picks the client's month and SLA hours). */
export const availabilityQuery = (clientId: string, hours: 'all' | 'business' | null) =>
  queryOptions({
    queryKey: ['reports', 'availability', clientId, hours ?? 'sla'] as const,
    queryFn: ({ signal }) =>
      fetchJson<AvailabilityResponse>(
        `/api/reports/availability?clientId=${encodeURIComponent(clientId)}${hours ? `&hours=${hours}` : ''}`,
        { signal },
      ),
    refetchInterval: AVAILABILITY_POLL_MS,
    // Switching hours keeps the last figures on screen until the new ones arrive.
    placeholderData: (previous) => previous,
  });

export const clientReportSettingsUrl = (clientId: string) =>
  `/api/admin/reports/clients/${encodeURIComponent(clientId)}/settings`;

export const clientReportSettingsQuery = (clientId: string) =>
  queryOptions({
    queryKey: ['reports', 'client-settings', clientId] as const,
    queryFn: ({ signal }) =>
      fetchJson<ClientReportSettingsResponse>(clientReportSettingsUrl(clientId), { signal }),
  });
