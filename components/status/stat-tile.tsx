import clsx from 'clsx';
import type { ReactNode } from 'react';

export type Tone =
  'neutral' | 'online' | 'offline' | 'maintenance' | 'information' | 'warning' | 'critical' | 'emergency';

const ACCENT: Record<Tone, string> = {
  neutral: 'bg-ink/40',
  online: 'bg-online',
  offline: 'bg-offline',
  maintenance: 'bg-maintenance',
  information: 'bg-information',
  warning: 'bg-warning',
  critical: 'bg-critical',
  emergency: 'bg-emergency',
};

export function StatTile({
  label,
  value,
  tone = 'neutral',
  hint,
  testId,
}: {
  label: string;
  value: number | undefined;
  tone?: Tone;
  hint?: ReactNode;
  testId?: string;
}) {
  return (
    <div
      className="relative overflow-hidden rounded-xl border border-line bg-raised p-4 shadow-sm"
      data-testid={testId}
    >
      <span aria-hidden className={clsx('absolute inset-y-0 left-0 w-1', ACCENT[tone])} />
      <p className="text-sm font-medium text-muted">{label}</p>
      {value === undefined ? (
        <div className="mt-2 h-9 w-20 animate-pulse rounded bg-sunken" aria-label="Loading" />
      ) : (
        <p className="mt-1 text-3xl font-semibold tabular-nums" data-value={value}>
          {value.toLocaleString('en-US')}
        </p>
      )}
      {hint ? <p className="mt-1 text-xs text-muted">{hint}</p> : null}
    </div>
  );
}
