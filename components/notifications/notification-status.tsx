'use client';

import { formatRelative } from '@/lib/format';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { useQuery } from '@tanstack/react-query';

// The page's header strip (GET /api/admin/notifications/status): whether messages are flowing, and
// where their links point, so a wrong PUBLIC_URL is seen before a technician clicks a dead link.

interface NotificationStatus {
  publicUrl: string;
  publicUrlConfigured: boolean;
  sender: string;
  pending: number;
  oldestPendingAt: string | null;
  sentLastDay: number;
  failedLastDay: number;
  openIncidents: number;
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="truncate text-sm font-medium" data-testid={testId} title={value}>
        {value}
      </dd>
    </div>
  );
}

export function NotificationStatusStrip() {
  const status = useQuery({
    queryKey: [...queryKeys.notifications(), 'status'],
    queryFn: ({ signal }) => fetchJson<NotificationStatus>('/api/admin/notifications/status', { signal }),
    refetchInterval: 10_000,
  });
  const data = status.data;
  if (!data) return null;
  return (
    <div className="space-y-2">
      <dl className="grid grid-cols-2 gap-3 rounded-xl border border-line bg-raised p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-5">
        <Stat
          label="Queued"
          value={`${data.pending}${data.oldestPendingAt ? ` (oldest ${formatRelative(data.oldestPendingAt)})` : ''}`}
        />
        <Stat label="Last 24 h" value={`${data.sentLastDay} sent · ${data.failedLastDay} failed`} />
        <Stat label="Open problems" value={String(data.openIncidents)} />
        <Stat label="Sent by" value={data.sender} />
        <Stat label="Links point to" value={data.publicUrl} testId="public-url" />
      </dl>
      {!data.publicUrlConfigured ? (
        <p className="text-xs text-muted">
          PUBLIC_URL is not set, so links in messages use the address above; set it to the address people open
          Levelboard at.
        </p>
      ) : null}
    </div>
  );
}
