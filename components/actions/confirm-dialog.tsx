'use client';

import { Button } from '@/components/ui/button';
import { dangerButtonClass, Dialog, primaryButtonClass } from '@/components/ui/dialog';
import { Loader2 } from 'lucide-react';
import type { ReactNode } from 'react';

/** "Are you sure": what will happen, in numbers, and one button that does it. */
export function ConfirmDialog({
  open,
  onClose,
  title,
  children,
  confirmLabel,
  onConfirm,
  pending = false,
  danger = false,
  disabled = false,
  testId,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  danger?: boolean;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} testId={testId}>
      <form
        method="dialog"
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <div className="space-y-3 text-sm">{children}</div>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <button
            type="submit"
            className={danger ? dangerButtonClass : primaryButtonClass}
            disabled={pending || disabled}
            data-testid="confirm-action"
          >
            {pending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
