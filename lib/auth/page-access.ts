import { accessFromCookies } from '@/lib/auth/access';
import type { Access } from '@/lib/auth/scope';
import { whenReady } from '@/lib/readiness';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import 'server-only';

// The data-access layer for pages: every page (not only a proxy) checks the session itself.

async function currentAccess(): Promise<Access | null> {
  // cookies() first: it marks the page dynamic, so a build never waits for a start-up it won't see.
  const jar = await cookies();
  await whenReady();
  const header = jar
    .getAll()
    .map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`)
    .join('; ');
  return (await accessFromCookies(header)).access;
}

/**
 * The dashboard: the admin or a viewer link; others go to the sign-in page. A wall link's session
 * belongs on its wall, never on the dashboard.
 */
export async function requireReader(): Promise<Access> {
  const access = await currentAccess();
  if (!access) redirect('/login');
  if (access.role === 'kiosk') redirect('/wall');
  return access;
}

/**
 * `/wall`: a wall link or the admin. A viewer link goes to the dashboard instead: viewer links
 * expire and are meant for people, and a wall must be a wall link to be listed with its last
 * contact and never expire by accident.
 */
export async function requireWall(): Promise<Access> {
  const access = await currentAccess();
  if (!access) redirect('/login');
  if (access.role === 'viewer') redirect('/');
  return access;
}

export async function requireAdmin(): Promise<Access> {
  const access = await currentAccess();
  if (!access) redirect('/login');
  if (access.role === 'kiosk') redirect('/wall');
  if (access.role !== 'admin') redirect('/');
  return access;
}

export async function optionalAccess(): Promise<Access | null> {
  return currentAccess();
}
