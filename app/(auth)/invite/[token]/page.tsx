import { SetPasswordForm } from '@/components/users/set-password-form';
import { getStore } from '@/lib/db/instance';
import { whenReady } from '@/lib/readiness';
import { findOpenInvite } from '@/lib/users/invites';
import { getUser } from '@/lib/users/store';
import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Set your password', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  await whenReady();
  const store = await getStore();
  const invite = await findOpenInvite(store, token);
  const user = invite ? await getUser(store, invite.userId) : null;
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 p-6">
      {invite && user && user.disabledAt === null ? (
        <>
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">
              {invite.purpose === 'invite' ? 'Welcome to Levelboard' : 'Choose a new password'}
            </h1>
            <p className="mt-1 text-sm text-muted">
              {user.name} · {user.email}
            </p>
          </div>
          <SetPasswordForm token={token} email={user.email} />
        </>
      ) : (
        <div data-testid="invite-invalid">
          <h1 className="text-2xl font-semibold tracking-tight">This link no longer works</h1>
          <p className="mt-2 text-sm text-muted">
            It has expired or was already used. Ask an admin for a new one.
          </p>
          <Link href="/login" className="mt-4 inline-block text-sm text-accent underline">
            Go to sign-in
          </Link>
        </div>
      )}
    </main>
  );
}
