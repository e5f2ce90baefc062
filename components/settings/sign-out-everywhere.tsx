'use client';

import { secondaryButtonClass, Section } from '@/components/settings/section';
import { SessionList } from '@/components/settings/session-list';
import { dangerButtonClass, Dialog } from '@/components/ui/dialog';
import { sessionsQuery } from '@/lib/query/admin';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Everyone's open sessions, each with "Sign out", and "Sign out everywhere" for oneself. */
export function SignOutEverywhere() {
  const sessions = useQuery(sessionsQuery());
  return (
    <Section
      id="admin-sessions"
      title="Sessions"
      description="Everyone signed in, in which browser and since when. Share links are not listed; revoke them above."
    >
      <div className="mb-4">
        <SessionList
          sessions={sessions.data?.sessions ?? []}
          showPerson
          endPath="/api/admin/sessions"
          onEnded={() => void sessions.refetch()}
        />
      </div>
      <SignOutEverywhereButton />
    </Section>
  );
}

/** Ends every session of whoever presses it (other browsers, a lost laptop, this tab), after a confirmation. */
export function SignOutEverywhereButton() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    const response = await fetch('/api/admin/sessions/sign-out-everywhere', { method: 'POST' }).catch(
      () => null,
    );
    if (response?.ok) {
      router.replace('/login');
      router.refresh();
      return;
    }
    setBusy(false);
    setError('Levelboard could not end the sessions. Try again.');
  }

  return (
    <>
      <button
        type="button"
        className={secondaryButtonClass}
        onClick={() => setOpen(true)}
        data-testid="sign-out-everywhere"
      >
        Sign out everywhere
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Sign out everywhere?"
        testId="sign-out-everywhere-dialog"
      >
        <p className="text-sm">
          Every session of yours ends now, in every browser, including this one. You will need to sign in
          again.
        </p>
        {error ? (
          <p role="alert" className="text-sm text-critical">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button
            type="button"
            className={dangerButtonClass}
            onClick={() => void confirm()}
            disabled={busy}
            data-testid="confirm-sign-out-everywhere"
          >
            Sign out everywhere
          </button>
        </div>
      </Dialog>
    </>
  );
}
