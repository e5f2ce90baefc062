'use client';

import { Section, buttonClass, inputClass, secondaryButtonClass } from '@/components/settings/section';
import type { WebhookSettingsView } from '@/lib/domain/webhooks';
import { formatAbsolute, formatRelative } from '@/lib/format';
import { sendJson, webhookSettingsQuery } from '@/lib/query/admin';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

const SOURCE_TEXT = {
  env: 'Using the webhook secret set in the server environment (it wins over Settings).',
  settings: 'Using the webhook secret saved here (encrypted at rest).',
  demo: 'Demo mode: the built-in simulator signs its webhooks with a secret made at start. A secret saved here applies once a Level key is in use.',
  none: 'No webhook secret: deliveries are refused and the dashboard follows Level by polling only.',
};

function Status({ data }: { data: WebhookSettingsView }) {
  const { status } = data;
  return (
    <div className="space-y-1 text-sm" data-testid="webhook-status">
      <p>{SOURCE_TEXT[status.secretSource ?? 'none']}</p>
      <p>
        In Level (Settings → Webhooks) post to{' '}
        <span className="font-mono">https://&lt;your Levelboard&gt;{data.receiverPath}</span>.
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-muted">Last event</dt>
        <dd title={formatAbsolute(status.lastEventAt)}>
          {status.lastEventAt
            ? `${formatRelative(status.lastEventAt)} · ${status.lastEventType}`
            : 'none yet'}
        </dd>
        <dt className="text-muted">Events today (UTC)</dt>
        <dd data-testid="webhook-events-today">{status.eventsToday}</dd>
        <dt className="text-muted">Signature failures today</dt>
        <dd
          data-testid="webhook-signature-failures"
          className={status.signatureFailuresToday > 0 ? 'font-medium text-critical' : undefined}
        >
          {status.signatureFailuresToday}
          {status.lastSignatureFailureAt ? ` · last ${formatRelative(status.lastSignatureFailureAt)}` : ''}
        </dd>
      </dl>
    </div>
  );
}

export function WebhookSettings() {
  const queryClient = useQueryClient();
  const settings = useQuery(webhookSettingsQuery());
  const [secret, setSecret] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.webhookSettings() });
  const save = useMutation({
    mutationFn: () => sendJson('/api/admin/settings/webhook', 'PUT', { secret }),
    onSuccess: () => {
      setSecret('');
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => sendJson('/api/admin/settings/webhook', 'DELETE'),
    onSuccess: () => void refresh(),
  });
  const data = settings.data;
  const error = save.error ?? remove.error;

  return (
    <Section
      id="webhook-heading"
      title="Level webhooks"
      description="Real-time updates: Level posts each change here, signed with a secret Level shows once."
    >
      {data ? <Status data={data} /> : <div className="h-10 animate-pulse rounded bg-sunken" />}
      {data && !data.envSecretSet ? (
        <form
          className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <label className="flex-1">
            <span className="text-sm font-medium">
              {data.status.secretSource === 'settings' ? 'Replace webhook secret' : 'Webhook secret'}
            </span>
            <input
              type="password"
              autoComplete="off"
              value={secret}
              onChange={(event) => setSecret(event.target.value)}
              className={inputClass}
              placeholder="Level → Settings → Webhooks"
            />
          </label>
          <button type="submit" className={buttonClass} disabled={!secret || save.isPending}>
            Save
          </button>
          {data.status.secretSource === 'settings' ? (
            <button type="button" className={secondaryButtonClass} onClick={() => remove.mutate()}>
              Remove
            </button>
          ) : null}
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="mt-3 text-sm text-critical">
          {error.message}
        </p>
      ) : null}
    </Section>
  );
}
