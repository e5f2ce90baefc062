import clsx from 'clsx';
import type { ReactNode } from 'react';

export type NumberTone =
  'neutral' | 'online' | 'offline' | 'maintenance' | 'information' | 'warning' | 'critical' | 'emergency';

const ACTIVE: Record<NumberTone, string> = {
  neutral: 'border-line bg-raised',
  online: 'border-online/60 bg-online/10',
  offline: 'border-offline bg-offline/20',
  maintenance: 'border-maintenance/60 bg-maintenance/10',
  information: 'border-information/60 bg-information/10',
  warning: 'border-warning bg-warning/15',
  critical: 'border-critical bg-critical/20',
  emergency: 'border-emergency bg-emergency/25',
};

const STRIPE: Record<NumberTone, string> = {
  neutral: 'bg-ink/40',
  online: 'bg-online',
  offline: 'bg-offline',
  maintenance: 'bg-maintenance',
  information: 'bg-information',
  warning: 'bg-warning',
  critical: 'bg-critical',
  emergency: 'bg-emergency',
};

/** One big figure for across the room; coloured only when it is not zero (`lit`). */
export function WallNumber({
  label,
  value,
  tone,
  lit,
  hint,
  testId,
  className,
}: {
  label: string;
  value: string;
  tone: NumberTone;
  lit: boolean;
  hint?: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <div
      className={clsx(
        'relative grid min-h-0 grid-rows-[auto_1fr_auto] overflow-hidden rounded-[1.25rem] border-[0.15rem] px-[1.75rem] py-[1.25rem]',
        lit ? ACTIVE[tone] : 'border-line bg-raised',
        className,
      )}
      data-testid={testId}
      data-lit={lit}
    >
      <span
        aria-hidden
        className={clsx('absolute inset-y-0 left-0 w-[0.5rem]', lit ? STRIPE[tone] : 'bg-line')}
      />
      <p className="text-[1.75rem] leading-tight font-medium text-muted">{label}</p>
      <p
        className="self-center text-[7.5rem] leading-none font-bold tracking-tight tabular-nums"
        data-value={value}
      >
        {value}
      </p>
      {/* Always there, so every figure sits at the same height. */}
      <p className="h-[1.9rem] truncate text-[1.375rem] leading-[1.9rem] text-muted">{hint}</p>
    </div>
  );
}
