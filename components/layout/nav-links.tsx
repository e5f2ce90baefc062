'use client';

import clsx from 'clsx';
import { Bell, LayoutDashboard, Monitor, Network, Settings, Wrench } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Overview', icon: LayoutDashboard },
  { href: '/devices', label: 'Devices', icon: Monitor },
  { href: '/groups', label: 'Groups', icon: Network },
  { href: '/alerts', label: 'Alerts', icon: Bell },
] as const;

const ADMIN_LINKS = [
  { href: '/manage', label: 'Manage', icon: Wrench },
  { href: '/settings', label: 'Settings', icon: Settings },
] as const;

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** Top navigation from a tablet up; a thumb-reachable tab bar at the bottom on a phone. */
export function NavLinks({ variant, admin }: { variant: 'top' | 'bottom'; admin: boolean }) {
  const pathname = usePathname();
  // Manage and Settings are the admin's only; viewers never see controls the server would refuse anyway.
  const links = admin ? [...LINKS, ...ADMIN_LINKS] : LINKS;
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
      <ul className={clsx('grid', admin ? 'grid-cols-6' : 'grid-cols-4')}>
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
