import { LoginForm } from '@/app/(auth)/login/login-form';
import { optionalAccess } from '@/lib/auth/page-access';
import { getEnv } from '@/lib/env';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  const access = await optionalAccess();
  if (access?.via === 'person') redirect('/');
  // Only a password generated at start-up was printed; one set in ADMIN_PASSWORD never is.
  const hint = !getEnv().ADMIN_PASSWORD
    ? 'The admin password was generated and printed in the server console at start-up (set ADMIN_PASSWORD to choose your own).'
    : 'Sign in with your e-mail. A share link you were sent opens by itself.';
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 p-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Levelboard</h1>
        <p className="mt-1 text-sm text-muted">{hint}</p>
      </div>
      <LoginForm />
    </main>
  );
}
