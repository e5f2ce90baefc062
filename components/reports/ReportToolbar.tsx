'use client';

import { Download, Printer } from 'lucide-react';
import { useRouter } from 'next/navigation';

// Above the report on its page: the month, the paper size, Print and Download PDF. Hidden on paper,
// together with the app's chrome (the print rules below apply only while a report page is open).

const PRINT_CSS = `@media print {
  body > a[href="#main"], header, nav, [data-noprint] { display: none !important; }
  main#main { padding: 0 !important; margin: 0 !important; max-width: none !important; }
  html, body { background: #fff !important; }
}`;

export function ReportToolbar({
  clientId,
  period,
  months,
  paper,
}: {
  clientId: string;
  period: string;
  months: string[];
  paper: 'a4' | 'letter';
}) {
  const router = useRouter();
  const base = `/reports/${encodeURIComponent(clientId)}`;
  const go = (next: { period?: string; paper?: 'a4' | 'letter' }) => {
    const params = new URLSearchParams({ period: next.period ?? period });
    if ((next.paper ?? paper) === 'letter') params.set('paper', 'letter');
    router.push(`${base}?${params.toString()}`);
  };
  const pdf = `/api/reports/${encodeURIComponent(clientId)}/pdf?period=${period}&paper=${paper}`;
  const label = (key: string) =>
    new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, 15),
    );
  return (
    <div data-noprint className="mb-4 flex flex-wrap items-end gap-3 print:hidden">
      <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      <label className="flex flex-col gap-1 text-xs text-muted">
        Month
        <select
          className="rounded-md border border-line bg-raised px-2 py-1.5 text-sm text-ink"
          value={period}
          onChange={(event) => go({ period: event.target.value })}
          data-testid="report-period"
        >
          {months.map((key) => (
            <option key={key} value={key}>
              {label(key)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">
        Paper
        <select
          className="rounded-md border border-line bg-raised px-2 py-1.5 text-sm text-ink"
          value={paper}
          onChange={(event) => go({ paper: event.target.value === 'letter' ? 'letter' : 'a4' })}
          data-testid="report-paper"
        >
          <option value="a4">A4</option>
          <option value="letter">Letter</option>
        </select>
      </label>
      <div className="ml-auto flex gap-2">
        <button
          type="button"
          onClick={() => window.print()}
          className="inline-flex items-center gap-1.5 rounded-md border border-line bg-raised px-3 py-1.5 text-sm hover:bg-sunken"
        >
          <Printer className="size-4" aria-hidden /> Print
        </button>
        <a
          href={pdf}
          className="inline-flex items-center gap-1.5 rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-surface hover:opacity-90"
          data-testid="report-pdf"
        >
          <Download className="size-4" aria-hidden /> Download PDF
        </a>
      </div>
    </div>
  );
}
