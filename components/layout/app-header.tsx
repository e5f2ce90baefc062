import { DemoBadge } from '@/components/layout/demo-badge';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { Activity, Eye } from 'lucide-react';
import Link from 'next/link';

export function AppHeader({ demo, role }: { demo: boolean; role: 'admin' | 'viewer' | 'kiosk' }) {
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-raised/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <Activity className="size-5 text-accent" aria-hidden />
          Levelboard
        </Link>
        {demo ? <DemoBadge /> : null}
        <nav aria-label="Main" className="ml-4 flex items-center gap-1 text-sm">
          <Link href="/" className="rounded-md px-2 py-1 text-ink hover:bg-sunken">
            Overview
          </Link>
          {role === 'admin' ? (
            <Link href="/settings" className="rounded-md px-2 py-1 text-ink hover:bg-sunken">
              Settings
            </Link>
          ) : null}
        </nav>
        <div className="ml-auto flex items-center gap-1">
          {role === 'admin' ? null : (
            <span className="inline-flex items-center gap-1 text-xs text-muted" data-testid="shared-view">
              <Eye className="size-4" aria-hidden /> Shared view
            </span>
          )}
          <ThemeToggle />
          {role === 'admin' ? <SignOutButton /> : null}
        </div>
      </div>
    </header>
  );
}
