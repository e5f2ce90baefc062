import { SettingsClient } from '@/app/(dashboard)/settings/settings-client';
import { requireAdmin } from '@/lib/auth/page-access';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Settings' };
export const dynamic = 'force-dynamic';

export default async function SettingsPage() {
  await requireAdmin();
  return <SettingsClient />;
}
