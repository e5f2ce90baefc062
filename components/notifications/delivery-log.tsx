'use client';

import { FormError } from '@/components/notifications/form-error';
import { DELIVERIES_URL, useChannels } from '@/components/notifications/notify-api';
import { secondaryButtonClass } from '@/components/settings/section';
import { SelectField } from '@/components/ui/select-field';
import { CHANNEL_LABELS } from '@/lib/domain/notification-channel-fields';
import type { DeliveryPage, DeliveryView } from '@/lib/domain/notification-deliveries';
import type { DeliveryStatus } from '@/lib/domain/notifications';
import { formatAbsolute, formatRelative } from '@/lib/format';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { useInfiniteQuery } from '@tanstack/react-query';
import clsx from 'clsx';
import { useState } from 'react';

// What was sent where, newest first, with each receiver's answer; polled so a retry or a test
// shows up without a reload.

const PAGE = 50;
const POLL_MS = 10_000;

const STATUS_TEXT: Record<DeliveryStatus, string> = {
  pending: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
};
const STATUS_DOT: Record<DeliveryStatus, string> = {
  pending: 'bg-warning',
  sending: 'bg-information',
  sent: 'bg-online',
  failed: 'bg-critical',
};
const KIND_TEXT: Record<DeliveryView['kind'], string> = {
  trigger: 'Alert',
  repeat: 'Repeat',
  recovery: 'Recovery',
  test: 'Test',
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function StatusBadge({ status }: { status: DeliveryStatus }) {
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full border border-line px-2 py-0.5 text-xs font-medium whitespace-nowrap">
      <span aria-hidden className={clsx('size-2 rounded-full', STATUS_DOT[status])} />
      {STATUS_TEXT[status]}
    </span>
  );
}

function Answer({ row }: { row: DeliveryView }) {
  const headline =
    row.lastStatus !== null
      ? `${row.lastStatus}${row.lastError ? ` · ${row.lastError}` : ''}`
      : (row.lastError ?? (row.status === 'pending' ? 'Not tried yet' : '—'));
  if (!row.lastAnswer && !row.nextAttemptAt) return <span className="break-words">{headline}</span>;
  return (
    <details>
      <summary className="cursor-pointer break-words">{headline}</summary>
      {row.nextAttemptAt && row.status !== 'sent' && row.status !== 'failed' ? (
        <p className="mt-1 text-xs text-muted">Next attempt {formatRelative(iso(row.nextAttemptAt))}</p>
      ) : null}
      {row.lastAnswer ? (
        <pre className="mt-1 max-h-40 max-w-md overflow-auto rounded bg-sunken p-2 text-xs break-words whitespace-pre-wrap">
          {row.lastAnswer}
        </pre>
      ) : null}
    </details>
  );
}

/** A phone has no room for seven columns: one card per delivery instead. */
function DeliveryCard({ row }: { row: DeliveryView }) {
  return (
    <li className="space-y-1 px-4 py-3 text-sm" data-testid="delivery-card" data-status={row.status}>
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium">{row.channel.name ?? '(deleted channel)'}</span>
        <StatusBadge status={row.status} />
      </div>
      <p className="text-xs text-muted">
        {formatRelative(iso(row.createdAt))} · {KIND_TEXT[row.kind]}
        {row.rule ? ` · ${row.rule.name ?? '(deleted rule)'}` : ''} · {row.attempts}{' '}
        {row.attempts === 1 ? 'try' : 'tries'}
      </p>
      <p className="truncate text-xs text-muted">{row.title}</p>
      <Answer row={row} />
    </li>
  );
}

export function DeliveryLog() {
  const channels = useChannels();
  const [channelId, setChannelId] = useState('');
  const [status, setStatus] = useState('');
  const log = useInfiniteQuery({
    queryKey: queryKeys.notificationDeliveries(channelId, status),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (channelId) params.set('channelId', channelId);
      if (status) params.set('status', status);
      if (pageParam) params.set('before', pageParam);
      return fetchJson<DeliveryPage>(`${DELIVERIES_URL}?${params}`, { signal });
    },
    getNextPageParam: (last) => last.nextBefore,
    refetchInterval: POLL_MS,
  });
  const rows = log.data?.pages.flatMap((page) => page.deliveries) ?? [];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <SelectField label="Channel" value={channelId} onChange={setChannelId} testId="log-channel">
          <option value="">All channels</option>
          {(channels.data?.channels ?? []).map((channel) => (
            <option key={channel.id} value={channel.id}>
              {channel.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Status" value={status} onChange={setStatus} testId="log-status">
          <option value="">Any status</option>
          {(Object.keys(STATUS_TEXT) as DeliveryStatus[]).map((value) => (
            <option key={value} value={value}>
              {STATUS_TEXT[value]}
            </option>
          ))}
        </SelectField>
        <p className="pb-2 text-xs text-muted">Refreshes every 10 s.</p>
      </div>
      {log.error ? <FormError message={log.error.message} /> : null}
      {/* Focusable: on a phone the table scrolls sideways, and keyboards must reach it (axe). */}
      <ul
        aria-label="Deliveries"
        className="divide-y divide-line rounded-xl border border-line bg-raised shadow-sm md:hidden"
      >
        {rows.map((row) => (
          <DeliveryCard key={row.id} row={row} />
        ))}
        {log.data && rows.length === 0 ? (
          <li className="px-4 py-6 text-center text-sm text-muted">Nothing sent yet.</li>
        ) : null}
      </ul>
      <section
        aria-label="Delivery log"
        tabIndex={0}
        className="hidden overflow-x-auto rounded-xl border border-line bg-raised shadow-sm focus-visible:outline-2 focus-visible:outline-accent md:block"
      >
        <table className="w-full text-left text-sm" data-testid="delivery-log">
          <thead className="border-b border-line text-xs text-muted uppercase">
            <tr>
              <th className="px-3 py-2">Time</th>
              <th className="px-3 py-2">Channel</th>
              <th className="px-3 py-2">Rule</th>
              <th className="px-3 py-2">Kind</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2 text-right">Tries</th>
              <th className="px-3 py-2">Receiver’s answer</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.id}
                className="border-b border-line align-top last:border-0"
                data-testid="delivery-row"
                data-status={row.status}
                data-kind={row.kind}
              >
                <td className="px-3 py-2 whitespace-nowrap" title={formatAbsolute(iso(row.createdAt))}>
                  {formatRelative(iso(row.createdAt))}
                </td>
                <td className="px-3 py-2">
                  <div className="font-medium">{row.channel.name ?? '(deleted channel)'}</div>
                  {row.channel.kind ? (
                    <div className="text-xs text-muted">{CHANNEL_LABELS[row.channel.kind]}</div>
                  ) : null}
                </td>
                <td className="max-w-56 px-3 py-2">
                  {row.rule ? (row.rule.name ?? '(deleted rule)') : '—'}
                  <div className="truncate text-xs text-muted" title={row.title}>
                    {row.title}
                  </div>
                </td>
                <td className="px-3 py-2">{KIND_TEXT[row.kind]}</td>
                <td className="px-3 py-2">
                  <StatusBadge status={row.status} />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{row.attempts}</td>
                <td className="max-w-md min-w-48 px-3 py-2">
                  <Answer row={row} />
                </td>
              </tr>
            ))}
            {log.data && rows.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-6 text-center text-muted">
                  Nothing sent yet{channelId || status ? ' that matches' : ''}. “Send test” on a channel shows
                  here too.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </section>
      {log.hasNextPage ? (
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
          data-testid="load-more"
        >
          {log.isFetchingNextPage ? 'Loading…' : 'Load older'}
        </button>
      ) : null}
    </div>
  );
}
