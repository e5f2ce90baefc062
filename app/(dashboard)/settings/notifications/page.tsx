import {
  NOTIFICATION_TABS,
  NotificationsAdmin,
  type NotificationTab,
} from '@/components/notifications/notifications-admin';
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
  const initial = NOTIFICATION_TABS.find((item) => item.value === tab)?.value ?? 'channels';
  return <NotificationsAdmin initialTab={initial as NotificationTab} />;
}
