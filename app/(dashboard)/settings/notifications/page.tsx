import { NotificationsAdmin } from '@/components/notifications/notifications-admin';
import { notificationTab } from '@/components/notifications/tabs';
import { requireAdmin } from '@/lib/auth/page-access';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Notifications' };
export const dynamic = 'force-dynamic';

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<{ tab?: string }>;
}) {
  await requireAdmin();
  const { tab } = await searchParams;
  return <NotificationsAdmin initialTab={notificationTab(tab)} />;
}
