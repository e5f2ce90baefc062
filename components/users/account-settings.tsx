'use client';

import { OwnSessions } from '@/components/account/own-sessions';
import { buttonClass, inputClass, secondaryButtonClass, Section } from '@/components/settings/section';
import type { UserView } from '@/lib/domain/user';
import { fetchJson } from '@/lib/query/fetch-json';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

const accountKey = ['levelboard', 'account'] as const;

const post = <T,>(url: string, body?: unknown) =>
  fetchJson<T>(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

function ErrorLine({ error }: { error: Error | null }) {
  return error ? (
    <p role="alert" className="text-sm text-critical">
      {error.message}
    </p>
  ) : null;
}

function ChangePassword() {
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: (body: { current: string; password: string }) => post('/api/account/password', body),
    onSuccess: () => setDone(true),
  });
  return (
    <Section
      id="account-password"
      title="Password"
      description="Changing it signs out every other browser you use."
    >
      <form
        className="max-w-sm space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          setDone(false);
          change.mutate({ current: String(form.get('current')), password: String(form.get('password')) });
          event.currentTarget.reset();
        }}
      >
        <label className="block">
          <span className="text-sm font-medium">Current password</span>
          <input
            name="current"
            type="password"
            required
            autoComplete="current-password"
            className={inputClass}
          />
        </label>
        <label className="block">
          <span className="text-sm font-medium">New password (12 characters or more)</span>
          <input
            name="password"
            type="password"
            required
            minLength={12}
            maxLength={1024}
            autoComplete="new-password"
            className={inputClass}
          />
        </label>
        <ErrorLine error={change.error} />
        {done ? (
          <p role="status" className="text-sm text-online">
            Password changed.
          </p>
        ) : null}
        <button type="submit" className={buttonClass} disabled={change.isPending}>
          Change password
        </button>
      </form>
    </Section>
  );
}

function TwoFactor({ user }: { user: UserView }) {
  const client = useQueryClient();
  const [enrolment, setEnrolment] = useState<{ qr: string; secret: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: accountKey });
  const start = useMutation({
    mutationFn: () => post<{ qr: string; secret: string }>('/api/account/totp/start'),
    onSuccess: (answer) => setEnrolment(answer),
  });
  const confirm = useMutation({
    mutationFn: (code: string) => post<{ recoveryCodes: string[] }>('/api/account/totp/confirm', { code }),
    onSuccess: (answer) => {
      setEnrolment(null);
      setCodes(answer.recoveryCodes);
      refresh();
    },
  });
  const disable = useMutation({
    mutationFn: (password: string) => post('/api/account/totp/disable', { password }),
    onSuccess: refresh,
  });

  return (
    <Section
      id="account-2fa"
      title="Two-factor sign-in"
      description="A six-digit code from an authenticator app (1Password, Google Authenticator, Aegis…) after your password."
    >
      {codes ? (
        <div
          className="mb-4 rounded-md border border-online/50 bg-online/10 p-3 text-sm"
          data-testid="recovery-codes"
        >
          <p className="font-medium">
            Two-factor sign-in is on. Keep these recovery codes somewhere safe — each works once, instead of a
            code, if you lose your phone. They are shown only now.
          </p>
          <ul className="mt-2 grid grid-cols-2 gap-1 font-mono">
            {codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <button type="button" className={`${secondaryButtonClass} mt-3`} onClick={() => setCodes(null)}>
            I have saved them
          </button>
        </div>
      ) : null}
      {user.totpEnabled ? (
        <form
          className="max-w-sm space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            disable.mutate(String(new FormData(event.currentTarget).get('password')));
          }}
        >
          <p className="text-sm">
            On. {user.recoveryCodesLeft} recovery code{user.recoveryCodesLeft === 1 ? '' : 's'} left.
          </p>
          <label className="block">
            <span className="text-sm font-medium">Your password, to turn it off</span>
            <input
              name="password"
              type="password"
              required
              autoComplete="current-password"
              className={inputClass}
            />
          </label>
          <ErrorLine error={disable.error} />
          <button type="submit" className={secondaryButtonClass} disabled={disable.isPending}>
            Turn two-factor sign-in off
          </button>
        </form>
      ) : enrolment ? (
        <form
          className="max-w-sm space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            confirm.mutate(String(new FormData(event.currentTarget).get('code')));
          }}
        >
          <p className="text-sm">
            Scan this code with your authenticator app, then enter the six digits it shows.
          </p>
          {/* A data URL made by the server for this enrolment: nothing is fetched. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={enrolment.qr}
            alt="QR code for your authenticator app"
            width={220}
            height={220}
            className="rounded bg-white p-1"
          />
          <p className="text-xs text-muted">
            Cannot scan? Enter this key by hand:{' '}
            <code className="font-mono break-all" data-testid="totp-secret">
              {enrolment.secret}
            </code>
          </p>
          <label className="block">
            <span className="text-sm font-medium">Code from the app</span>
            <input
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              pattern="[0-9 ]{6,8}"
              className={inputClass}
            />
          </label>
          <ErrorLine error={confirm.error} />
          <button type="submit" className={buttonClass} disabled={confirm.isPending}>
            Turn on
          </button>
        </form>
      ) : (
        <>
          <p className="mb-3 text-sm">Off.</p>
          <ErrorLine error={start.error} />
          <button
            type="button"
            className={buttonClass}
            onClick={() => start.mutate()}
            disabled={start.isPending}
          >
            Set up two-factor sign-in
          </button>
        </>
      )}
    </Section>
  );
}

export function AccountSettings() {
  const account = useQuery({
    queryKey: accountKey,
    queryFn: ({ signal }) => fetchJson<{ user: UserView }>('/api/account', { signal }),
  });
  const user = account.data?.user;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        {user ? (
          <p className="mt-1 text-sm text-muted">
            {user.name} · {user.email} · <span className="capitalize">{user.role}</span>
          </p>
        ) : null}
      </div>
      <ErrorLine error={account.error} />
      {user?.signIn.password ? (
        <>
          <ChangePassword />
          <TwoFactor user={user} />
        </>
      ) : user ? (
        <p className="text-sm text-muted">
          You sign in with single sign-on; your identity provider manages your password and second factor.
        </p>
      ) : null}
      {user ? <OwnSessions /> : null}
    </div>
  );
}
