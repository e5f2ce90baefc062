import type { Severity } from '@/lib/domain/severity';
import { SEVERITY_LABEL } from '@/lib/format';
import clsx from 'clsx';

export const SEVERITY_DOT: Record<Severity, string> = {
  information: 'bg-information',
  warning: 'bg-warning',
  critical: 'bg-critical',
  emergency: 'bg-emergency',
};

const RING: Record<Severity, string> = {
  information: 'border-information/50 bg-information/10',
  warning: 'border-warning/60 bg-warning/15',
  critical: 'border-critical/50 bg-critical/10',
  emergency: 'border-emergency/50 bg-emergency/15',
};

export function SeverityBadge({ severity, count }: { severity: Severity; count?: number }) {
  return (
    <span
      className={clsx(
        'inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap text-ink',
        RING[severity],
      )}
      data-severity={severity}
    >
      <span aria-hidden className={clsx('size-2 shrink-0 rounded-full', SEVERITY_DOT[severity])} />
      {SEVERITY_LABEL[severity]}
      {count !== undefined ? <span className="tabular-nums">· {count.toLocaleString('en-US')}</span> : null}
    </span>
  );
}
