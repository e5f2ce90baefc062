import { UsersAdmin } from '@/components/users/users-admin';
import { requireAdmin } from '@/lib/auth/page-access';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Users' };
export const dynamic = 'force-dynamic';

export default async function UsersPage() {
  await requireAdmin();
  return <UsersAdmin />;
}
