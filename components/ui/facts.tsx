import clsx from 'clsx';
import type { ReactNode } from 'react';

export type Fact = [label: string, value: ReactNode];

/** Label / value pairs as a description list; empty values show a dash, never a blank. */
export function Facts({ items, className }: { items: Fact[]; className?: string }) {
  return (
    <dl
      className={clsx(
        'grid grid-cols-[minmax(7rem,auto)_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm',
        className,
      )}
    >
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd className="min-w-0 break-words">
            {value === null || value === undefined || value === '' ? '—' : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
