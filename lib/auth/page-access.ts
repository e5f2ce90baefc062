import { accessFromCookies } from '@/lib/auth/access';
import type { Access } from '@/lib/auth/scope';
import { startServerRuntime } from '@/lib/runtime/start';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import 'server-only';

// The data-access layer for pages: every page (not only a proxy) checks the session itself.

async function currentAccess(): Promise<Access | null> {
  await startServerRuntime();
  const jar = await cookies();
  const header = jar
    .getAll()
    .map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`)
    .join('; ');
  return (await accessFromCookies(header)).access;
}

/** Anyone signed in or holding a valid share link; others go to the sign-in page. */
export async function requireReader(): Promise<Access> {
  const access = await currentAccess();
  if (!access) redirect('/login');
  return access;
}

export async function requireAdmin(): Promise<Access> {
  const access = await currentAccess();
  if (!access) redirect('/login');
  if (access.role !== 'admin') redirect('/');
  return access;
}

export async function optionalAccess(): Promise<Access | null> {
  return currentAccess();
}
