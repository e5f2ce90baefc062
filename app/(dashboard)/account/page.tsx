import { AccountSettings } from '@/components/users/account-settings';
import { requirePerson } from '@/lib/auth/page-access';
import { personIdOf } from '@/lib/users/person-of';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

export const metadata: Metadata = { title: 'Your account' };
export const dynamic = 'force-dynamic';

export default async function AccountPage() {
  // The break-glass admin has no account to manage.
  if (!personIdOf(await requirePerson())) redirect('/');
  return <AccountSettings />;
}
