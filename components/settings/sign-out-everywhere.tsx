'use client';

import { secondaryButtonClass, Section } from '@/components/settings/section';
import { dangerButtonClass, Dialog } from '@/components/ui/dialog';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Ends every admin session (other browsers, a lost laptop, this tab), after a confirmation. */
export function SignOutEverywhere() {
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
    <Section
      id="admin-sessions"
      title="Admin sessions"
      description="Sign out every browser signed in as admin, this one included. Share links are not affected; revoke them above."
    >
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
          Every admin session ends now, in every browser, including this one. You will need the admin password
          to sign in again.
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
    </Section>
  );
}
