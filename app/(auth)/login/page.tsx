import { LoginForm } from '@/app/(auth)/login/login-form';
import { optionalAccess } from '@/lib/auth/page-access';
import { isDemoMode } from '@/lib/runtime/level-connection';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  const access = await optionalAccess();
  if (access?.role === 'admin') redirect('/');
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 p-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Levelboard</h1>
        <p className="mt-1 text-sm text-muted">
          {isDemoMode()
            ? 'Demo mode: the admin password was printed in the server console at start-up.'
            : 'Technicians: open the share link you were sent instead.'}
        </p>
      </div>
      <LoginForm />
    </main>
  );
}
