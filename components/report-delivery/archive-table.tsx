'use client';

import type { ReportArchiveEntry } from '@/lib/domain/report-delivery';
import { reportArchiveQuery } from '@/lib/query/report-delivery';
import { useQuery } from '@tanstack/react-query';
import clsx from 'clsx';
import { format } from 'date-fns';

const STATUS_CLASS: Record<ReportArchiveEntry['status'], string> = {
  sent: 'text-online',
  generated: 'text-muted',
  failed: 'text-critical',
};

const deliveryText = (entry: ReportArchiveEntry) =>
  `${entry.delivery === 'none' ? 'archived only' : entry.delivery}${entry.trigger === 'schedule' ? ' · scheduled' : ''}`;

export function ArchiveTable() {
  const archive = useQuery(reportArchiveQuery());
  const entries = archive.data?.entries ?? [];
  return (
    <div className="overflow-x-auto" data-testid="report-archive">
      <ul className="divide-y divide-line md:hidden" aria-label="Archived reports">
        {entries.map((entry) => (
          <li key={entry.id} className="py-3 text-sm" data-testid="archive-card">
            <div className="flex items-baseline justify-between gap-3">
              <span className="font-medium">{entry.clientName ?? entry.clientId}</span>
              <span className={clsx('font-medium', STATUS_CLASS[entry.status])}>{entry.status}</span>
            </div>
            <p className="text-muted">
              {entry.periodLabel} · {deliveryText(entry)}
            </p>
            <p className="break-all text-muted">
              {entry.recipients.join(', ') || '—'} · {format(new Date(entry.createdAt), 'yyyy-MM-dd HH:mm')}
            </p>
            {entry.error ? <p className="mt-0.5 text-xs text-muted">{entry.error}</p> : null}
            {entry.pdfUrl ? (
              <a href={entry.pdfUrl} className="font-medium text-accent underline underline-offset-2">
                Download PDF
              </a>
            ) : null}
          </li>
        ))}
      </ul>
      <table className="hidden w-full text-left text-sm md:table">
        <thead className="text-xs text-muted uppercase">
          <tr>
            <th className="py-2 pr-3">Created</th>
            <th className="py-2 pr-3">Client</th>
            <th className="py-2 pr-3">Period</th>
            <th className="py-2 pr-3">Delivery</th>
            <th className="py-2 pr-3">Recipients</th>
            <th className="py-2 pr-3">Status</th>
            <th className="py-2" />
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-t border-line align-top" data-testid="archive-row">
              <td className="py-2 pr-3 whitespace-nowrap">
                {format(new Date(entry.createdAt), 'yyyy-MM-dd HH:mm')}
              </td>
              <td className="py-2 pr-3">{entry.clientName ?? entry.clientId}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{entry.periodLabel}</td>
              <td className="py-2 pr-3">
                {entry.delivery === 'none'
                  ? 'archived only'
                  : entry.delivery === 'link'
                    ? 'link'
                    : 'attachment'}
                {entry.trigger === 'schedule' ? ' · scheduled' : ''}
              </td>
              <td className="py-2 pr-3 break-all">{entry.recipients.join(', ') || '—'}</td>
              <td className="py-2 pr-3">
                <span className={clsx('font-medium', STATUS_CLASS[entry.status])}>{entry.status}</span>
                {entry.error ? <p className="mt-0.5 max-w-xs text-xs text-muted">{entry.error}</p> : null}
              </td>
              <td className="py-2 text-right whitespace-nowrap">
                {entry.pdfUrl ? (
                  <a
                    href={entry.pdfUrl}
                    className="font-medium text-accent underline underline-offset-2"
                    aria-label={`Download the PDF of ${entry.clientName ?? entry.clientId}, ${entry.periodLabel}`}
                  >
                    PDF
                  </a>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {archive.isSuccess && entries.length === 0 ? (
        <p className="py-3 text-sm text-muted">No reports generated yet.</p>
      ) : null}
    </div>
  );
}
