import { accessFromCookies } from '@/lib/auth/access';
import { canAct, isAdmin, isPerson, type Access, type PersonAccess } from '@/lib/auth/scope';
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
 * The dashboard: a person or a viewer link; others go to the sign-in page. A wall link's session
 * belongs on its wall, never on the dashboard.
 */
export async function requireReader(): Promise<Access> {
  const access = await currentAccess();
  if (!access) redirect('/login');
  if (access.role === 'kiosk') redirect('/wall');
  return access;
}

/**
 * `/wall`: a wall link or a person (scoped as always). A viewer link goes to the dashboard
 * instead: viewer links expire and are meant for people, and a wall must be a wall link to be
 * listed with its last contact and never expire by accident.
 */
export async function requireWall(): Promise<Access> {
  const access = await currentAccess();
  if (!access) redirect('/login');
  if (access.via === 'link' && access.role === 'viewer') redirect('/');
  return access;
}

/** Settings, users: admins. Anyone else signed in goes to the overview. */
export async function requireAdmin(): Promise<PersonAccess> {
  const access = await currentAccess();
  if (!access) redirect('/login');
  if (access.role === 'kiosk') redirect('/wall');
  if (!isAdmin(access)) redirect('/');
  return access;
}

/** Manage (tags, automations): admins and technicians. */
export async function requireActor(): Promise<PersonAccess> {
  const access = await currentAccess();
  if (!access) redirect('/login');
  if (access.role === 'kiosk') redirect('/wall');
  if (!canAct(access)) redirect('/');
  return access;
}

/** One's own account page: any person signed in; a link has no account. */
export async function requirePerson(): Promise<PersonAccess> {
  const access = await currentAccess();
  if (!access) redirect('/login');
  if (access.role === 'kiosk') redirect('/wall');
  if (!isPerson(access)) redirect('/');
  return access;
}

export async function optionalAccess(): Promise<Access | null> {
  return currentAccess();
}
