import { LoginForm } from '@/app/(auth)/login/login-form';
import { optionalAccess } from '@/lib/auth/page-access';
import { getEnv } from '@/lib/env';
import { isOidcFailure, OIDC_FAILURES } from '@/lib/oidc/errors';
import { oidcSignInName } from '@/lib/oidc/instance';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { error } = await searchParams;
  const ssoFailure = isOidcFailure(error) ? OIDC_FAILURES[error] : null;
  const access = await optionalAccess();
  // A failed single sign-on says why, even to someone still signed in from before.
  if (access?.via === 'person' && !ssoFailure) redirect('/');
  // Only a password generated at start-up was printed; one set in ADMIN_PASSWORD never is.
  const hint = !getEnv().ADMIN_PASSWORD
    ? 'The admin password was generated and printed in the server console at start-up (set ADMIN_PASSWORD to choose your own).'
    : 'Sign in with your e-mail. A share link you were sent opens by itself.';
  const ssoName = await oidcSignInName();
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 p-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Levelboard</h1>
        <p className="mt-1 text-sm text-muted">{hint}</p>
      </div>
      {ssoFailure ? (
        <p
          role="alert"
          data-testid="sso-error"
          className="rounded-md border border-critical p-3 text-sm text-critical"
        >
          {ssoFailure}
        </p>
      ) : null}
      {ssoName ? (
        <a
          href="/api/auth/oidc/start"
          className="block w-full rounded-md bg-accent px-3 py-2 text-center font-medium text-surface hover:opacity-90"
        >
          Sign in with {ssoName}
        </a>
      ) : null}
      <LoginForm />
    </main>
  );
}
