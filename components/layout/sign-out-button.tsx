'use client';

import { LogOut } from 'lucide-react';

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={async () => {
        await fetch('/api/auth/logout', { method: 'POST' });
        window.location.assign('/login');
      }}
      className="rounded-md p-2 text-muted hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
      aria-label="Sign out"
      title="Sign out"
    >
      <LogOut className="size-5" aria-hidden />
    </button>
  );
}
