'use client';

import { Section, buttonClass, inputClass, secondaryButtonClass } from '@/components/settings/section';
import type { OidcSettingsView, OidcTextField } from '@/lib/oidc/view';
import { sendJson } from '@/lib/query/admin';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

const queryKey = [...queryKeys.admin(), 'oidc-settings'] as const;

const FIELDS: { field: OidcTextField; label: string; placeholder: string }[] = [
  { field: 'issuer', label: 'Issuer URL', placeholder: 'https://login.microsoftonline.com/<tenant>/v2.0' },
  { field: 'clientId', label: 'Client ID', placeholder: 'from the app registration' },
  { field: 'providerName', label: 'Button label', placeholder: 'SSO' },
  { field: 'roleClaim', label: 'Role claim', placeholder: 'roles' },
  {
    field: 'roleMap',
    label: 'Role map',
    placeholder: 'Levelboard.Admin=admin,Levelboard.Technician=technician',
  },
  { field: 'scopeClaim', label: 'Client scope claim', placeholder: 'groups' },
];

type Draft = OidcSettingsView['settings'];

function OidcForm({ data }: { data: OidcSettingsView }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(data.settings);
  const [secret, setSecret] = useState('');
  const fixed = (field: string) => data.fromEnv.includes(field as never);
  const save = useMutation({
    mutationFn: (clientSecret: string | null | undefined) =>
      sendJson('/api/admin/settings/oidc', 'PUT', {
        settings: Object.fromEntries(Object.entries(draft).filter(([field]) => !fixed(field))),
        ...(clientSecret === undefined ? {} : { clientSecret }),
      }),
    onSuccess: () => {
      setSecret('');
      void queryClient.invalidateQueries({ queryKey });
    },
  });
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(secret ? secret : undefined);
      }}
    >
      <p className="text-sm" data-testid="oidc-status">
        {data.configured
          ? 'Single sign-on is on: the sign-in page shows its button.'
          : 'Single sign-on is off.'}{' '}
        Redirect URI to register at the provider:{' '}
        <span className="font-mono">https://&lt;your Levelboard&gt;{data.callbackPath}</span>.
        {data.localSignIn === 'off' ? ' Local passwords are turned off (OIDC_LOCAL_SIGN_IN=off).' : ''}
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map(({ field, label, placeholder }) => (
          <label key={field} className="block">
            <span className="text-sm font-medium">{label}</span>
            <input
              value={draft[field]}
              disabled={fixed(field)}
              placeholder={fixed(field) ? 'set in the server environment' : placeholder}
              onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
              className={inputClass}
            />
          </label>
        ))}
        <label className="block">
          <span className="text-sm font-medium">Unknown users without a mapped role</span>
          <select
            value={draft.defaultRole}
            disabled={fixed('defaultRole')}
            onChange={(event) =>
              setDraft({ ...draft, defaultRole: event.target.value as Draft['defaultRole'] })
            }
            className={inputClass}
          >
            <option value="">Refuse (default)</option>
            <option value="refuse">Refuse</option>
            <option value="viewer">Sign in as viewer</option>
            <option value="technician">Sign in as technician</option>
          </select>
        </label>
        <label className="block">
          <span className="text-sm font-medium">
            Client secret {data.secretSet ? '(set; type to replace)' : '(not set)'}
          </span>
          <input
            type="password"
            autoComplete="off"
            value={secret}
            disabled={fixed('clientSecret')}
            placeholder={fixed('clientSecret') ? 'set in the server environment' : ''}
            onChange={(event) => setSecret(event.target.value)}
            className={inputClass}
          />
        </label>
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass} disabled={save.isPending}>
          Save
        </button>
        {data.secretSet && !fixed('clientSecret') ? (
          <button type="button" className={secondaryButtonClass} onClick={() => save.mutate(null)}>
            Remove secret
          </button>
        ) : null}
      </div>
      {save.error ? (
        <p role="alert" className="text-sm text-critical">
          {save.error.message}
        </p>
      ) : null}
    </form>
  );
}

export function OidcSettings() {
  const settings = useQuery({
    queryKey,
    queryFn: ({ signal }) => fetchJson<OidcSettingsView>('/api/admin/settings/oidc', { signal }),
  });
  return (
    <Section
      id="oidc-heading"
      title="Single sign-on (OIDC)"
      description="Sign in with Entra ID, Google, Keycloak or any OpenID Connect provider. Settings in the server environment win."
    >
      {settings.data ? (
        <OidcForm key={JSON.stringify(settings.data)} data={settings.data} />
      ) : (
        <div className="h-10 animate-pulse rounded bg-sunken" />
      )}
    </Section>
  );
}
