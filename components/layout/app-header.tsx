import { DemoBadge } from '@/components/layout/demo-badge';
import { NavLinks } from '@/components/layout/nav-links';
import { SharedViewDetails } from '@/components/layout/shared-view-details';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import type { SessionRole } from '@/lib/domain/session';
import { Activity, Eye } from 'lucide-react';
import Link from 'next/link';

export function AppHeader({ demo, role }: { demo: boolean; role: SessionRole }) {
  const admin = role === 'admin';
  return (
    <>
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-raised px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-20 border-b border-line bg-raised/90 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4">
          <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
            <Activity className="size-5 text-accent" aria-hidden />
            Levelboard
          </Link>
          {demo ? <DemoBadge /> : null}
          <NavLinks variant="top" admin={admin} />
          <div className="ml-auto flex items-center gap-1">
            {admin ? null : (
              <span className="inline-flex items-center gap-1 text-xs text-muted" data-testid="shared-view">
                {/* On phones the strip below says it in full; the eye alone keeps the header on one line. */}
                <Eye className="size-4" aria-hidden />{' '}
                <span className="sr-only sm:not-sr-only">Shared view</span>
              </span>
            )}
            <ThemeToggle />
            {admin ? <SignOutButton /> : null}
          </div>
        </div>
        {admin ? null : <SharedViewDetails />}
      </header>
      <NavLinks variant="bottom" admin={admin} />
    </>
  );
}
