import { DemoBadge } from '@/components/layout/demo-badge';
import { NavLinks } from '@/components/layout/nav-links';
import { SharedViewDetails } from '@/components/layout/shared-view-details';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import type { SessionIdentity } from '@/lib/domain/session';
import { Activity, Eye, UserRound } from 'lucide-react';
import Link from 'next/link';

const ROLE_LABEL = { admin: 'Admin', technician: 'Technician', viewer: 'Viewer', kiosk: 'Wall' } as const;

export function AppHeader({ demo, identity }: { demo: boolean; identity: SessionIdentity }) {
  const person = identity.via === 'person';
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
          <NavLinks variant="top" identity={identity} />
          <div className="ml-auto flex items-center gap-1">
            {person ? (
              <PersonBadge identity={identity} />
            ) : (
              <span className="inline-flex items-center gap-1 text-xs text-muted" data-testid="shared-view">
                {/* On phones the strip below says it in full; the eye alone keeps the header on one line. */}
                <Eye className="size-4" aria-hidden />{' '}
                <span className="sr-only sm:not-sr-only">Shared view</span>
              </span>
            )}
            <ThemeToggle />
            {person ? <SignOutButton /> : null}
          </div>
        </div>
        {person ? null : <SharedViewDetails />}
      </header>
      <NavLinks variant="bottom" identity={identity} />
    </>
  );
}

/** Who is signed in, and in which role; their account page is one click away. */
function PersonBadge({ identity }: { identity: SessionIdentity }) {
  const label = (
    <>
      <UserRound className="size-4" aria-hidden />
      <span className="sr-only max-w-40 truncate sm:not-sr-only">{identity.name}</span>
      {/* On a phone the icon alone keeps the header on one line; the account page says the rest. */}
      <span
        className="hidden rounded bg-sunken px-1.5 py-0.5 text-[11px] font-medium text-muted sm:inline"
        data-testid="role-badge"
      >
        {ROLE_LABEL[identity.role]}
      </span>
    </>
  );
  const className = 'inline-flex items-center gap-1.5 rounded-md p-2 text-xs text-muted sm:px-2 sm:py-1';
  if (identity.breakGlass)
    return (
      <span className={className} data-testid="signed-in-as">
        {label}
      </span>
    );
  return (
    <Link
      href="/account"
      className={`${className} hover:bg-sunken hover:text-ink`}
      data-testid="signed-in-as"
    >
      {label}
    </Link>
  );
}
