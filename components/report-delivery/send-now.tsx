'use client';

import { buttonClass, inputClass } from '@/components/settings/section';
import type { ReportArchiveEntry } from '@/lib/domain/report-delivery';
import { sendJson } from '@/lib/query/admin';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { format, subMonths } from 'date-fns';
import Link from 'next/link';
import { useState } from 'react';

// "Send now": one client's report for a month, e-mailed (attached or as a link) or only archived,
// and a preview of the same report on its printable page before anything is sent.

const months = (now: Date) => Array.from({ length: 12 }, (_, i) => format(subMonths(now, i + 1), 'yyyy-MM'));

export function SendNow({ clients }: { clients: { id: string; name: string }[] }) {
  const queryClient = useQueryClient();
  const [monthOptions] = useState(() => months(new Date()));
  const [clientId, setClientId] = useState<string>('');
  const [period, setPeriod] = useState<string>(monthOptions[0] ?? '');
  const [result, setResult] = useState<ReportArchiveEntry | null>(null);
  const send = useMutation({
    mutationFn: (input: unknown) =>
      sendJson<{ entry: ReportArchiveEntry }>('/api/admin/reports/send', 'POST', input),
    onSuccess: (answer) => {
      setResult(answer.entry);
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.admin(), 'report-archive'] });
    },
  });
  const chosen = clientId || clients[0]?.id || '';
  const preview = chosen ? `/reports/${encodeURIComponent(chosen)}?period=${period}` : null;
  return (
    <form
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      data-testid="send-now"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const recipients = String(form.get('recipients') ?? '')
          .split(/[\s,;]+/)
          .filter(Boolean);
        setResult(null);
        send.mutate({
          clientId: chosen,
          period,
          delivery: String(form.get('delivery')),
          ...(recipients.length ? { recipients } : {}),
        });
      }}
    >
      <label>
        <span className="text-sm font-medium">Client</span>
        <select className={inputClass} value={chosen} onChange={(event) => setClientId(event.target.value)}>
          {clients.map((client) => (
            <option key={client.id} value={client.id}>
              {client.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="text-sm font-medium">Month</span>
        <select className={inputClass} value={period} onChange={(event) => setPeriod(event.target.value)}>
          {monthOptions.map((month) => (
            <option key={month} value={month}>
              {month}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="text-sm font-medium">Delivery</span>
        <select name="delivery" className={inputClass} defaultValue="attachment">
          <option value="attachment">E-mail with the PDF attached</option>
          <option value="link">E-mail a report link (30 days)</option>
          <option value="none">Only generate and archive</option>
        </select>
      </label>
      <label>
        <span className="text-sm font-medium">Recipients</span>
        <input name="recipients" className={inputClass} placeholder="empty = the client’s contacts" />
      </label>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
        <button
          type="submit"
          className={buttonClass}
          disabled={!chosen || send.isPending}
          data-testid="send-now-submit"
        >
          {send.isPending ? 'Generating…' : 'Send now'}
        </button>
        {preview ? (
          <Link
            href={preview}
            className="text-sm font-medium text-accent underline underline-offset-2"
            data-testid="send-now-preview"
          >
            Preview this report →
          </Link>
        ) : null}
        {send.error ? (
          <p role="alert" className="text-sm text-critical">
            {send.error.message}
          </p>
        ) : null}
        {result ? (
          <p role="status" className="text-sm" data-testid="send-now-result">
            {result.status === 'sent'
              ? `Sent to ${result.recipients.join(', ')}.`
              : result.status === 'generated'
                ? 'Generated and archived.'
                : `Not sent: ${result.error ?? 'unknown reason'}`}
          </p>
        ) : null}
      </div>
    </form>
  );
}
