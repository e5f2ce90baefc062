'use client';

import { ConfirmDialog } from '@/components/actions/confirm-dialog';
import { useAction } from '@/components/actions/use-action';
import { SelectField } from '@/components/ui/select-field';
import { formatCount } from '@/lib/format';
import { actionApi, automationsQuery } from '@/lib/query/actions';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * Runs an automation's webhook trigger for devices. `devices` may be a promise (a whole group or
 * filter, resolved when the dialog opens), so the count shown is the count that will be sent.
 */
export function RunAutomationDialog({
  open,
  onClose,
  deviceIds,
  scopeLabel,
}: {
  open: boolean;
  onClose: () => void;
  deviceIds: string[] | null;
  /** What the devices are, e.g. "this device", "12 selected devices". */
  scopeLabel: string;
}) {
  const automations = useQuery({ ...automationsQuery(), enabled: open });
  const [chosen, setChosen] = useState('');
  const runnable = automations.data?.automations.filter((automation) => automation.webhook) ?? [];
  const others = automations.data?.automations.filter((automation) => !automation.webhook) ?? [];
  const selected = runnable.find((automation) => automation.id === chosen);
  const trigger = useAction({
    run: ({ id, ids }: { id: string; ids: string[] }) => actionApi.triggerAutomation(id, ids),
    success: (result) =>
      `Started “${result.automationName ?? 'automation'}” on ${formatCount(result.devices)} device${result.devices === 1 ? '' : 's'}${result.runIds.length ? ` (${result.runIds.length} runs)` : ''}.`,
    failure: 'Running the automation',
  });
  const count = deviceIds?.length ?? 0;
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title="Run an automation"
      confirmLabel={count ? `Run on ${formatCount(count)} device${count === 1 ? '' : 's'}` : 'Run'}
      pending={trigger.isPending}
      disabled={!selected || !deviceIds || count === 0}
      onConfirm={() => {
        if (!selected || !deviceIds) return;
        trigger.mutate({ id: selected.id, ids: deviceIds }, { onSuccess: onClose });
      }}
      testId="run-automation-dialog"
    >
      {automations.isPending ? (
        <p className="text-muted">Loading automations from Level…</p>
      ) : automations.isError ? (
        <p className="text-critical">Could not list automations: {automations.error.message}</p>
      ) : (
        <>
          <SelectField label="Automation" value={chosen} onChange={setChosen} testId="automation-select">
            <option value="">Choose an automation…</option>
            {runnable.map((automation) => (
              <option key={automation.id} value={automation.id}>
                {automation.name}
              </option>
            ))}
            {others.length ? (
              <optgroup label="No webhook trigger in Level">
                {others.map((automation) => (
                  <option key={automation.id} value={automation.id} disabled>
                    {automation.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </SelectField>
          {selected?.description ? <p className="text-muted">{selected.description}</p> : null}
          {selected?.webhook?.parameters.length ? (
            <p className="text-muted">Webhook parameters: {selected.webhook.parameters.join(', ')}</p>
          ) : null}
          <p data-testid="automation-scope">
            {deviceIds === null ? (
              'Counting devices…'
            ) : (
              <>
                This runs it on <strong>{scopeLabel}</strong> ({formatCount(count)} device
                {count === 1 ? '' : 's'}). Level still applies the automation’s own conditions.
              </>
            )}
          </p>
        </>
      )}
    </ConfirmDialog>
  );
}
