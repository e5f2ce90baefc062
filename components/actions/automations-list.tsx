'use client';

import { Card } from '@/components/ui/card';
import { SkeletonLines } from '@/components/ui/skeleton';
import { automationsQuery } from '@/lib/query/actions';
import { useQuery } from '@tanstack/react-query';
import { KeyRound, Webhook } from 'lucide-react';

/** Automations in Level and how each can be started from here (its webhook trigger). */
export function AutomationsList() {
  const automations = useQuery(automationsQuery());
  return (
    <Card id="automations" title="Automations" testId="automations-list">
      {automations.isPending ? (
        <SkeletonLines lines={5} label="Loading automations" />
      ) : automations.isError ? (
        <p className="text-sm text-critical">Could not list automations: {automations.error.message}</p>
      ) : automations.data.automations.length === 0 ? (
        <p className="text-sm text-muted">No automations in Level.</p>
      ) : (
        <ul className="divide-y divide-line/60">
          {automations.data.automations.map((automation) => (
            <li key={automation.id} className="py-2.5 text-sm" data-testid="automation-item">
              <p className="font-medium">{automation.name}</p>
              {automation.description ? <p className="text-muted">{automation.description}</p> : null}
              <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
                {automation.webhook ? (
                  <>
                    <span className="inline-flex items-center gap-1 text-ink">
                      <Webhook className="size-3.5" aria-hidden />
                      Webhook trigger
                    </span>
                    {automation.webhook.requiresAuthorizationHeader ? (
                      <span className="inline-flex items-center gap-1">
                        <KeyRound className="size-3.5" aria-hidden />
                        needs a write-enabled key
                      </span>
                    ) : (
                      <span>runs on its token alone</span>
                    )}
                    <span>
                      parameters:{' '}
                      {automation.webhook.parameters.length
                        ? automation.webhook.parameters.join(', ')
                        : 'none'}
                    </span>
                  </>
                ) : (
                  <span>No webhook trigger: add one in Level to run it from Levelboard.</span>
                )}
                {automation.groupName ? <span>scope: {automation.groupName}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
