'use client';

import { useAdminActions } from '@/components/actions/admin-context';
import { ConfirmDialog } from '@/components/actions/confirm-dialog';
import { useAction } from '@/components/actions/use-action';
import { Button } from '@/components/ui/button';
import { ACK_NOTE_MAX, type Acknowledgement, type ProblemRef } from '@/lib/domain/acknowledgement';
import type { WallProblem } from '@/lib/domain/wall';
import { formatCount } from '@/lib/format';
import { actionApi, markAcknowledged } from '@/lib/query/actions';
import { Hand, Undo2 } from 'lucide-react';
import { useState, type ReactNode } from 'react';

// Acknowledge with a note (issue 16). Stored by Levelboard, not Level, so a read-only Level key
// does not disable it: only the admin sees it, and the server checks that again.

const fieldClass =
  'mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink focus-visible:outline-2 focus-visible:outline-accent';

const plural = (count: number) => `${formatCount(count)} problem${count === 1 ? '' : 's'}`;

export function useAcknowledge() {
  return useAction({
    run: ({ problems, note }: { problems: ProblemRef[]; note: string }) =>
      actionApi.acknowledge(problems, note),
    optimistic: (queryClient, { problems, note }) =>
      markAcknowledged(queryClient, problems, { note: note.trim() || null, at: new Date().toISOString() }),
    success: (result) => `Acknowledged ${plural(result.problems.length)}.`,
    failure: 'Acknowledging',
  });
}

function useUnacknowledge() {
  return useAction({
    run: (problems: ProblemRef[]) => actionApi.unacknowledge(problems),
    optimistic: (queryClient, problems) => markAcknowledged(queryClient, problems, null),
    success: (result) => `Acknowledgement removed from ${plural(result.problems.length)}.`,
    failure: 'Removing the acknowledgement',
  });
}

/** The dialog: what is acknowledged, and an optional note the wall shows beside it. */
export function AcknowledgeDialog({
  open,
  onClose,
  problems,
  children,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  problems: ProblemRef[];
  children?: ReactNode;
  onDone?: () => void;
}) {
  const [note, setNote] = useState('');
  const acknowledge = useAcknowledge();
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={problems.length === 1 ? 'Acknowledge this problem?' : `Acknowledge ${plural(problems.length)}?`}
      confirmLabel="Acknowledge"
      pending={acknowledge.isPending}
      disabled={problems.length === 0}
      onConfirm={() =>
        acknowledge.mutate(
          { problems, note },
          {
            onSettled: () => {
              setNote('');
              onClose();
              onDone?.();
            },
          },
        )
      }
      testId="acknowledge-dialog"
    >
      {children}
      <p>
        Walls stop holding for it and never chime for it again; it stays listed until it resolves. If it
        resolves and comes back, it is a new problem.
      </p>
      <label className="block font-medium">
        Note <span className="font-normal text-muted">(optional, shown on the wall)</span>
        <textarea
          className={fieldClass}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          rows={2}
          maxLength={ACK_NOTE_MAX}
          placeholder="on it"
          data-testid="acknowledge-note"
        />
      </label>
    </ConfirmDialog>
  );
}

/** One problem: "Acknowledge", or its acknowledgement with a way to take it back. */
export function AcknowledgeButton({
  problem,
  problems = [problem],
  acknowledged,
  describe,
}: {
  problem: ProblemRef;
  /** All the references acted on (several reasons of one device); defaults to `problem`. */
  problems?: ProblemRef[];
  acknowledged: Acknowledgement | null | undefined;
  /** What the dialog says is being acknowledged. */
  describe?: ReactNode;
}) {
  const actions = useAdminActions();
  const [open, setOpen] = useState(false);
  const unacknowledge = useUnacknowledge();
  if (!actions.visible) return null;
  if (acknowledged)
    return (
      <Button
        onClick={() => unacknowledge.mutate(problems)}
        disabled={unacknowledge.isPending}
        className="px-2 py-1 text-xs"
        title="Remove the acknowledgement"
        data-testid="unacknowledge"
      >
        <Undo2 className="size-3.5" aria-hidden />
        Un-acknowledge
      </Button>
    );
  return (
    <>
      <Button onClick={() => setOpen(true)} className="px-2 py-1 text-xs" data-testid="acknowledge">
        <Hand className="size-3.5" aria-hidden />
        Acknowledge
      </Button>
      <AcknowledgeDialog open={open} onClose={() => setOpen(false)} problems={problems}>
        {describe}
      </AcknowledgeDialog>
    </>
  );
}

/** For a bulk bar: acknowledge every selected alert at once. */
export function AcknowledgeSelectedButton({
  alertIds,
  onDone,
}: {
  alertIds: readonly string[];
  onDone: () => void;
}) {
  const actions = useAdminActions();
  const [open, setOpen] = useState(false);
  if (!actions.visible) return null;
  return (
    <>
      <Button
        onClick={() => setOpen(true)}
        disabled={alertIds.length === 0}
        data-testid="acknowledge-selected"
      >
        <Hand className="size-4" aria-hidden />
        Acknowledge selected
      </Button>
      <AcknowledgeDialog
        open={open}
        onClose={() => setOpen(false)}
        problems={alertIds.map((alertId) => ({ kind: 'alert', alertId }))}
        onDone={onDone}
      />
    </>
  );
}

/** On an alert row: acknowledge an active alert (nothing for a resolved one). */
export function AcknowledgeAlertButton({
  alert,
}: {
  alert: {
    id: string;
    name: string;
    deviceHostname: string | null;
    deviceId: string;
    resolved: boolean;
    acknowledged: Acknowledgement | null;
  };
}) {
  if (alert.resolved) return null;
  return (
    <AcknowledgeButton
      problem={{ kind: 'alert', alertId: alert.id }}
      acknowledged={alert.acknowledged}
      describe={
        <p>
          “{alert.name}” on <strong>{alert.deviceHostname ?? alert.deviceId}</strong>.
        </p>
      }
    />
  );
}

/**
 * For a problem list of wall problems (a device with its reasons): acknowledges every reason at
 * once. Used by the overview's "Needs attention now" (components/overview/problems-now.tsx).
 */
export function AcknowledgeProblemButton({ problem }: { problem: WallProblem }) {
  const refs: ProblemRef[] = [
    ...(problem.offline ? [{ kind: 'offline' as const, deviceId: problem.deviceId }] : []),
    ...problem.alerts.map((alert) => ({ kind: 'alert' as const, alertId: alert.id })),
  ];
  const [first] = refs;
  if (!first) return null;
  return (
    <AcknowledgeButton
      problem={first}
      problems={refs}
      acknowledged={problem.acknowledged}
      describe={
        <p>
          <strong>{problem.deviceName}</strong>: every reason it is listed.
        </p>
      }
    />
  );
}
