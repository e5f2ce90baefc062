'use client';

import { useAdminActions } from '@/components/actions/admin-context';
import { ConfirmDialog } from '@/components/actions/confirm-dialog';
import { useAction } from '@/components/actions/use-action';
import { Button } from '@/components/ui/button';
import type { AlertRow } from '@/lib/domain/fleet';
import { formatCount } from '@/lib/format';
import { actionApi, markAlertsResolved } from '@/lib/query/actions';
import { CheckCheck } from 'lucide-react';
import { useState, type ReactNode } from 'react';

function useResolve() {
  return useAction({
    run: (ids: string[]) => actionApi.resolveAlerts(ids),
    optimistic: (queryClient, ids) => markAlertsResolved(queryClient, ids),
    success: (result) =>
      result.failed.length
        ? `Resolved ${formatCount(result.resolved.length)}; ${result.failed.length} failed (${result.failed[0]?.message}).`
        : `Resolved ${formatCount(result.resolved.length)} alert${result.resolved.length === 1 ? '' : 's'}.`,
    failure: 'Resolving',
  });
}

/** Resolve one active alert, after saying which and where. */
export function ResolveAlertButton({ alert }: { alert: AlertRow }) {
  const actions = useAdminActions();
  const [open, setOpen] = useState(false);
  const resolve = useResolve();
  if (!actions.visible || alert.resolved) return null;
  return (
    <>
      <Button
        onClick={() => setOpen(true)}
        disabled={!actions.enabled}
        title={actions.reason ?? undefined}
        className="px-2 py-1 text-xs"
        data-testid="resolve-alert"
      >
        <CheckCheck className="size-3.5" aria-hidden />
        Resolve
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title="Resolve this alert?"
        confirmLabel="Resolve alert"
        pending={resolve.isPending}
        onConfirm={() => resolve.mutate([alert.id], { onSettled: () => setOpen(false) })}
        testId="resolve-alert-dialog"
      >
        <p>
          “{alert.name}” on <strong>{alert.deviceHostname ?? alert.deviceId}</strong> is marked resolved in
          Level. If the problem is still there, Level raises it again.
        </p>
      </ConfirmDialog>
    </>
  );
}

/**
 * Says exactly what "select all" covers: the active alerts loaded so far, which is fewer than
 * those matching while more pages remain (issue 16: "Select all 100 shown" read as all of them).
 */
export function selectionLabel(count: number, selectable: number, matching: number | undefined): string {
  const more = matching !== undefined && matching > selectable;
  if (count === 0) {
    return more
      ? `Select the ${formatCount(selectable)} loaded of ${formatCount(matching)} active alerts`
      : `Select all ${formatCount(selectable)} active alerts shown`;
  }
  const selected = `${formatCount(count)} selected`;
  return more ? `${selected} · ${formatCount(matching - selectable)} more match, not loaded` : selected;
}

/** The bar over a list of alerts with some selected: how many, and resolve them all. */
export function ResolveSelectedBar({
  selected,
  onDone,
  selectable,
  matching,
  onSelectAll,
  children,
}: {
  selected: readonly string[];
  onDone: () => void;
  /** Active alerts shown, which "select all" picks. */
  selectable: number;
  /** Active alerts matching the filter, when known; more than `selectable` while pages remain. */
  matching?: number;
  onSelectAll: (all: boolean) => void;
  /** More actions on the same selection (acknowledge). */
  children?: ReactNode;
}) {
  const actions = useAdminActions();
  const [open, setOpen] = useState(false);
  const resolve = useResolve();
  if (!actions.visible || selectable === 0) return null;
  const count = selected.length;
  return (
    <div
      className="flex flex-wrap items-center gap-3 rounded-lg border border-line bg-raised px-3 py-2 text-sm"
      data-testid="alert-bulk-bar"
    >
      <label className="inline-flex items-center gap-2">
        <input
          type="checkbox"
          className="size-4 accent-accent"
          checked={count > 0 && count === selectable}
          ref={(box) => {
            if (box) box.indeterminate = count > 0 && count < selectable;
          }}
          onChange={(event) => onSelectAll(event.target.checked)}
          data-testid="select-all-alerts"
        />
        <span data-testid="alert-selection-label">{selectionLabel(count, selectable, matching)}</span>
      </label>
      <Button
        onClick={() => setOpen(true)}
        disabled={!actions.enabled || count === 0}
        title={actions.reason ?? undefined}
        data-testid="resolve-selected"
      >
        <CheckCheck className="size-4" aria-hidden />
        Resolve selected
      </Button>
      {children}
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Resolve ${formatCount(count)} alert${count === 1 ? '' : 's'}?`}
        confirmLabel={`Resolve ${formatCount(count)}`}
        pending={resolve.isPending}
        onConfirm={() =>
          resolve.mutate([...selected], {
            onSettled: () => {
              setOpen(false);
              onDone();
            },
          })
        }
        testId="resolve-selected-dialog"
      >
        <p>
          Each is marked resolved in Level, a few at a time within Level’s rate limit. Problems that are still
          there are raised again by Level.
        </p>
      </ConfirmDialog>
    </div>
  );
}
