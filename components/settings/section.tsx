import type { ReactNode } from 'react';

export function Section({
  title,
  description,
  children,
  id,
}: {
  title: string;
  description?: string;
  children: ReactNode;
  id: string;
}) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-line bg-raised p-5 shadow-sm">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}

export const inputClass =
  'mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-accent';
export const buttonClass =
  'rounded-md bg-accent px-3 py-2 text-sm font-medium text-surface hover:opacity-90 disabled:opacity-60';
export const secondaryButtonClass =
  'rounded-md border border-line bg-raised px-3 py-2 text-sm font-medium hover:bg-sunken disabled:opacity-60';
