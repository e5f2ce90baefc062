'use client';

import { fetchJson } from '@/lib/query/fetch-json';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

export function LoginForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        const password = new FormData(event.currentTarget).get('password');
        setBusy(true);
        setError(null);
        try {
          await fetchJson('/api/auth/login', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ password }),
          });
          router.replace('/');
          router.refresh();
        } catch (caught) {
          setError(caught instanceof Error ? caught.message : 'Sign-in failed.');
          setBusy(false);
        }
      }}
    >
      <label className="block">
        <span className="text-sm font-medium">Admin password</span>
        <input
          name="password"
          type="password"
          required
          autoComplete="current-password"
          autoFocus
          className="mt-1 block w-full rounded-md border border-line bg-raised px-3 py-2 focus-visible:outline-2 focus-visible:outline-accent"
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
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
