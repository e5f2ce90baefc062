import { SEVERITY_DOT } from '@/components/status/severity-badge';
import { SEVERITIES, type Severity } from '@/lib/domain/severity';
import { SEVERITY_LABEL } from '@/lib/format';
import clsx from 'clsx';

/** Counts per severity that double as the severity filter: press one or more to narrow the list. */
export function SeverityFilter({
  counts,
  selected,
  onChange,
}: {
  counts: Partial<Record<Severity, number>>;
  selected: readonly Severity[];
  onChange: (severities: Severity[]) => void;
}) {
  const toggle = (severity: Severity) =>
    onChange(
      selected.includes(severity)
        ? selected.filter((item) => item !== severity)
        : SEVERITIES.filter((item) => item === severity || selected.includes(item)),
    );
  return (
    <div role="group" aria-label="Filter by severity" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {[...SEVERITIES].reverse().map((severity) => {
        const count = counts[severity];
        const pressed = selected.includes(severity);
        return (
          <button
            key={severity}
            type="button"
            aria-pressed={pressed}
            onClick={() => toggle(severity)}
            className={clsx(
              'relative overflow-hidden rounded-xl border bg-raised p-4 text-left shadow-sm focus-visible:outline-2 focus-visible:outline-accent',
              pressed ? 'border-accent ring-1 ring-accent' : 'border-line hover:bg-sunken/60',
            )}
            data-testid={`severity-count-${severity}`}
          >
            <span aria-hidden className={clsx('absolute inset-y-0 left-0 w-1', SEVERITY_DOT[severity])} />
            <span className="block text-sm font-medium text-muted">{SEVERITY_LABEL[severity]}</span>
            {count === undefined ? (
              <span className="mt-2 block h-8 w-16 animate-pulse rounded bg-sunken" />
            ) : (
              <span className="mt-1 block text-3xl font-semibold tabular-nums" data-value={count}>
                {count.toLocaleString('en-US')}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
