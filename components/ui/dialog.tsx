'use client';

import clsx from 'clsx';
import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal on the browser's own <dialog>: focus is trapped and restored, Escape closes it, and the
 * page behind is inert, without a library.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  testId,
  wide = false,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  testId?: string;
  /** For a long form (a notification rule): wider on a desktop, the same on a phone. */
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={titleId}
      className={clsx(
        'm-auto rounded-xl border border-line bg-raised p-0 text-ink shadow-xl backdrop:bg-black/50',
        wide ? 'w-[min(52rem,calc(100vw-2rem))]' : 'w-[min(34rem,calc(100vw-2rem))]',
      )}
      data-testid={testId}
    >
      {open ? (
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

export const primaryButtonClass =
  'inline-flex items-center justify-center gap-1.5 rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-surface hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-60';
// Darker than the severity colour so white text on it keeps a 4.5:1 contrast in both themes.
export const dangerButtonClass =
  'inline-flex items-center justify-center gap-1.5 rounded-md bg-[color-mix(in_oklch,var(--severity-critical)_70%,black)] px-3 py-1.5 text-sm font-medium text-white hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-critical disabled:cursor-not-allowed disabled:opacity-60';
