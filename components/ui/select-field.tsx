import clsx from 'clsx';
import type { ReactNode } from 'react';

export function SelectField({
  label,
  value,
  onChange,
  children,
  className,
  testId,
  compact = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** The label for screen readers only and a shorter control, for a dense filter row. */
  compact?: boolean;
}) {
  return (
    <label className={clsx('flex min-w-0 flex-col gap-1 text-xs font-medium text-muted', className)}>
      <span className={clsx(compact && 'sr-only')}>{label}</span>
      <select
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={clsx(
          compact ? 'h-8' : 'h-10',
          'min-w-0 rounded-md border border-line bg-raised px-2 text-sm text-ink focus-visible:outline-2 focus-visible:outline-accent',
        )}
        data-testid={testId}
      >
        {children}
      </select>
    </label>
  );
}
