'use client';

import { Section, buttonClass, inputClass, secondaryButtonClass } from '@/components/settings/section';
import { SyncPaceLine } from '@/components/settings/sync-pace';
import { levelSettingsQuery, sendJson } from '@/lib/query/admin';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

interface TestOutcome {
  result: 'ok' | 'key_rejected' | 'unreachable' | 'error';
  message: string;
}

const SOURCE_TEXT = {
  env: 'Using the API key set in the server environment (it wins over Settings).',
  settings: 'Using the API key saved here (encrypted at rest).',
  demo: 'Demo mode: showing the built-in Level simulator. Enter a key to connect your Level account.',
};

export function LevelConnection() {
  const queryClient = useQueryClient();
  const settings = useQuery(levelSettingsQuery());
  const [apiKey, setApiKey] = useState('');
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.admin() });
  const test = useMutation({
    mutationFn: () =>
      sendJson<TestOutcome>('/api/admin/settings/level/test', 'POST', apiKey ? { apiKey } : {}),
    onSuccess: setOutcome,
  });
  const save = useMutation({
    mutationFn: () => sendJson('/api/admin/settings/level', 'PUT', { apiKey }),
    onSuccess: () => {
      setApiKey('');
      setOutcome(null);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => sendJson('/api/admin/settings/level', 'DELETE'),
    onSuccess: () => void refresh(),
  });
  const data = settings.data;
  const error = test.error ?? save.error ?? remove.error;

  return (
    <Section
      id="level-heading"
      title="Level connection"
      description="Levelboard reads your fleet with this key; browsers never see it."
    >
      {data ? (
        <div className="space-y-1 text-sm" data-testid="level-connection">
          <p>{SOURCE_TEXT[data.source]}</p>
          {data.keyHint ? (
            <p>
              Key: <span className="font-mono">{data.keyHint}</span> · {data.apiUrl}
            </p>
          ) : null}
          <SyncPaceLine pace={data.syncPace} />
          {data.lastErrorKind === 'unauthorized' ? (
            <p role="alert" className="font-medium text-critical">
              Level rejected the API key — it may have been regenerated or deleted in Level.
            </p>
          ) : null}
        </div>
      ) : (
        <div className="h-10 animate-pulse rounded bg-sunken" />
      )}
      {data && !data.envKeySet ? (
        <form
          className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <label className="flex-1">
            <span className="text-sm font-medium">
              {data.source === 'settings' ? 'Replace API key' : 'API key'}
            </span>
            <input
              type="password"
              autoComplete="off"
              value={apiKey}
              onChange={(event) => setApiKey(event.target.value)}
              className={inputClass}
              placeholder="Level → Settings → API keys"
            />
          </label>
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={test.isPending}
            onClick={() => test.mutate()}
          >
            {test.isPending ? 'Testing…' : apiKey ? 'Test this key' : 'Test connection'}
          </button>
          <button type="submit" className={buttonClass} disabled={!apiKey || save.isPending}>
            Save
          </button>
          {data.source === 'settings' ? (
            <button type="button" className={secondaryButtonClass} onClick={() => remove.mutate()}>
              Remove
            </button>
          ) : null}
        </form>
      ) : null}
      {outcome ? (
        <p
          role="status"
          data-testid="connection-test"
          className={outcome.result === 'ok' ? 'mt-3 text-sm text-online' : 'mt-3 text-sm text-critical'}
        >
          {outcome.message}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mt-3 text-sm text-critical">
          {error.message}
        </p>
      ) : null}
    </Section>
  );
}
