'use client';

import { fetchJson } from '@/lib/query/fetch-json';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

const field =
  'mt-1 block w-full rounded-md border border-line bg-raised px-3 py-2 focus-visible:outline-2 focus-visible:outline-accent';
const submit =
  'w-full rounded-md bg-accent px-3 py-2 font-medium text-surface hover:opacity-90 disabled:opacity-60';

const postJson = <T,>(url: string, body: unknown) =>
  fetchJson<T>(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

/** E-mail and password (a person), or the password alone (the break-glass admin); then a TOTP code if asked. */
export function LoginForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ticket, setTicket] = useState<string | null>(null);

  const signedIn = () => {
    router.replace('/');
    router.refresh();
  };
  const failed = (caught: unknown) => {
    setError(caught instanceof Error ? caught.message : 'Sign-in failed.');
    setBusy(false);
  };

  if (ticket)
    return (
      <form
        className="space-y-4"
        onSubmit={async (event) => {
          event.preventDefault();
          const code = String(new FormData(event.currentTarget).get('code'));
          setBusy(true);
          setError(null);
          try {
            await postJson('/api/auth/login/totp', { ticket, code });
            signedIn();
          } catch (caught) {
            if ((caught as { code?: string }).code === 'ticket_invalid') setTicket(null);
            failed(caught);
          }
        }}
      >
        <label className="block">
          <span className="text-sm font-medium">Code from your authenticator app</span>
          <input
            name="code"
            required
            autoComplete="one-time-code"
            autoFocus
            maxLength={40}
            className={field}
          />
          <span className="mt-1 block text-xs text-muted">
            Lost your phone? Enter one of your recovery codes instead.
          </span>
        </label>
        {error ? (
          <p role="alert" className="text-sm text-critical">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy} className={submit}>
          {busy ? 'Checking…' : 'Continue'}
        </button>
      </form>
    );

  return (
    <form
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const email = String(form.get('email') ?? '').trim();
        const password = form.get('password');
        setBusy(true);
        setError(null);
        try {
          const answer = await postJson<{ ok?: true; next?: 'totp'; ticket?: string }>(
            '/api/auth/login',
            email ? { email, password } : { password },
          );
          if (answer.next === 'totp' && answer.ticket) {
            setTicket(answer.ticket);
            setBusy(false);
            return;
          }
          signedIn();
        } catch (caught) {
          failed(caught);
        }
      }}
    >
      <label className="block">
        <span className="text-sm font-medium">E-mail</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          maxLength={254}
          className={field}
        />
        <span className="mt-1 block text-xs text-muted">
          Leave empty to sign in with the break-glass admin password.
        </span>
      </label>
      <label className="block">
        <span className="text-sm font-medium">Password</span>
        <input name="password" type="password" required autoComplete="current-password" className={field} />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-critical">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className={submit}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
