'use client';

import { LogOut } from 'lucide-react';
import { useRouter } from 'next/navigation';

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      onClick={async () => {
        await fetch('/api/auth/logout', { method: 'POST' });
        router.replace('/login');
        router.refresh();
      }}
      className="rounded-md p-2 text-muted hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
      aria-label="Sign out"
      title="Sign out"
    >
      <LogOut className="size-5" aria-hidden />
    </button>
  );
}
