import type { ReportArchiveEntry, ReportScheduleView } from '@/lib/domain/report-delivery';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { queryOptions } from '@tanstack/react-query';

// Settings → Reports (admin only): schedules and the archive of generated reports.

export const reportSchedulesQuery = () =>
  queryOptions({
    queryKey: queryKeys.reportSchedules(),
    queryFn: ({ signal }) =>
      fetchJson<{ schedules: ReportScheduleView[] }>('/api/admin/reports/schedules', { signal }),
    refetchInterval: 60_000,
  });

export const reportArchiveQuery = (clientId?: string) =>
  queryOptions({
    queryKey: queryKeys.reportArchive(clientId),
    queryFn: ({ signal }) =>
      fetchJson<{ entries: ReportArchiveEntry[]; nextBefore: string | null }>(
        `/api/admin/reports/archive?limit=50${clientId ? `&clientId=${encodeURIComponent(clientId)}` : ''}`,
        { signal },
      ),
    refetchInterval: 30_000,
  });
