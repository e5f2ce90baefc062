import { SEVERITY_DOT } from '@/components/status/severity-badge';
import type { SeverityCounts } from '@/lib/domain/fleet';
import type { Severity } from '@/lib/domain/severity';
import { severityCountParts, severityCountsText } from '@/lib/severity-counts';
import clsx from 'clsx';

const RING: Record<Severity, string> = {
  information: 'border-information/50 bg-information/10',
  warning: 'border-warning/60 bg-warning/15',
  critical: 'border-critical/50 bg-critical/10',
  emergency: 'border-emergency/50 bg-emergency/15',
};

/** One chip per severity present, worst first: "1 emergency" "7 warnings". */
export function SeverityCountBadges({ counts, className }: { counts: SeverityCounts; className?: string }) {
  const parts = severityCountParts(counts);
  if (parts.length === 0) return null;
  return (
    <span
      className={clsx('inline-flex flex-wrap items-center gap-1', className)}
      data-testid="severity-counts"
      aria-label={severityCountsText(counts)}
      role="group"
    >
      {parts.map((part) => (
        <span
          key={part.severity}
          aria-hidden
          className={clsx(
            'inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap text-ink tabular-nums',
            RING[part.severity],
          )}
          data-severity={part.severity}
          data-count={part.count}
        >
          <span className={clsx('size-2 shrink-0 rounded-full', SEVERITY_DOT[part.severity])} />
          {part.text}
        </span>
      ))}
    </span>
  );
}
