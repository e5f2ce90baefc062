'use client';

import { fetchJson } from '@/lib/query/fetch-json';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

const field =
  'mt-1 block w-full rounded-md border border-line bg-raised px-3 py-2 focus-visible:outline-2 focus-visible:outline-accent';

/** Sets the password through an invite or reset link; the server signs the person in. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const password = String(form.get('password'));
        if (password !== String(form.get('confirm'))) {
          setError('The two passwords differ.');
          return;
        }
        setBusy(true);
        setError(null);
        try {
          await fetchJson(`/api/auth/invite/${encodeURIComponent(token)}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ password }),
          });
          router.replace('/');
          router.refresh();
        } catch (caught) {
          setError(caught instanceof Error ? caught.message : 'Could not set the password.');
          setBusy(false);
        }
      }}
    >
      {/* For password managers: which account this password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <label className="block">
        <span className="text-sm font-medium">New password</span>
        <input
          name="password"
          type="password"
          required
          minLength={12}
          maxLength={1024}
          autoComplete="new-password"
          autoFocus
          className={field}
        />
        <span className="mt-1 block text-xs text-muted">
          At least 12 characters. A passphrase of several words is easiest.
        </span>
      </label>
      <label className="block">
        <span className="text-sm font-medium">The same again</span>
        <input
          name="confirm"
          type="password"
          required
          minLength={12}
          maxLength={1024}
          autoComplete="new-password"
          className={field}
        />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-critical">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-md bg-accent px-3 py-2 font-medium text-surface hover:opacity-90 disabled:opacity-60"
      >
        {busy ? 'Setting…' : 'Set password and sign in'}
      </button>
    </form>
  );
}
