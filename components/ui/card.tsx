import clsx from 'clsx';
import type { ReactNode } from 'react';

/** A titled panel; the heading id labels the section for assistive technology. */
export function Card({
  id,
  title,
  actions,
  children,
  className,
  testId,
}: {
  id: string;
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={clsx('min-w-0 rounded-xl border border-line bg-raised p-4 shadow-sm', className)}
      data-testid={testId}
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-sm font-semibold tracking-wide text-muted uppercase">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
