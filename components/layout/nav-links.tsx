'use client';

import { mayAct, mayAdminister, type SessionIdentity } from '@/lib/domain/session';
import clsx from 'clsx';
import { Bell, LayoutDashboard, Monitor, Network, Settings, Users, Wrench } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Overview', icon: LayoutDashboard },
  { href: '/devices', label: 'Devices', icon: Monitor },
  { href: '/groups', label: 'Groups', icon: Network },
  { href: '/alerts', label: 'Alerts', icon: Bell },
] as const;

const MANAGE = { href: '/manage', label: 'Manage', icon: Wrench } as const;
const SETTINGS = { href: '/settings', label: 'Settings', icon: Settings } as const;
const USERS = { href: '/users', label: 'Users', icon: Users } as const;

/**
 * What each role may open; controls the server would refuse are never shown. The phone's tab bar
 * keeps six at most: there, Users is reached from Settings.
 */
function linksFor(identity: SessionIdentity, variant: 'top' | 'bottom') {
  const links: { href: string; label: string; icon: typeof Users }[] = [...LINKS];
  if (mayAct(identity)) links.push(MANAGE);
  if (mayAdminister(identity)) links.push(...(variant === 'top' ? [USERS, SETTINGS] : [SETTINGS]));
  return links;
}

// Whole class names, so Tailwind sees them.
const COLUMNS: Record<number, string> = { 4: 'grid-cols-4', 5: 'grid-cols-5', 6: 'grid-cols-6' };

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** Top navigation from a tablet up; a thumb-reachable tab bar at the bottom on a phone. */
export function NavLinks({ variant, identity }: { variant: 'top' | 'bottom'; identity: SessionIdentity }) {
  const pathname = usePathname();
  const links = linksFor(identity, variant);
  if (variant === 'top') {
    return (
      <nav aria-label="Main" className="ml-2 hidden items-center gap-1 text-sm md:flex">
        {links.map(({ href, label }) => (
          <Link
            key={href}
            href={href}
            aria-current={isActive(pathname, href) ? 'page' : undefined}
            className="rounded-md px-2.5 py-1.5 text-muted hover:bg-sunken hover:text-ink aria-[current=page]:bg-sunken aria-[current=page]:font-medium aria-[current=page]:text-ink"
          >
            {label}
          </Link>
        ))}
      </nav>
    );
  }
  return (
    <nav
      aria-label="Main"
      className="fixed inset-x-0 bottom-0 z-20 border-t border-line bg-raised/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden"
    >
      <ul className={clsx('grid', COLUMNS[links.length] ?? 'grid-cols-6')}>
        {links.map(({ href, label, icon: Icon }) => (
          <li key={href}>
            <Link
              href={href}
              aria-current={isActive(pathname, href) ? 'page' : undefined}
              className={clsx(
                'flex flex-col items-center gap-0.5 py-2 text-xs text-muted',
                'aria-[current=page]:font-semibold aria-[current=page]:text-accent',
              )}
            >
              <Icon className="size-5" aria-hidden />
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
