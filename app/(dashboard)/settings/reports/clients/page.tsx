import { ClientReportSettingsAdmin } from '@/components/reports/client-settings-admin';
import { requireAdmin } from '@/lib/auth/page-access';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Client report settings' };
export const dynamic = 'force-dynamic';

export default async function ClientReportSettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ client?: string }>;
}) {
  await requireAdmin();
  const { client } = await searchParams;
  return <ClientReportSettingsAdmin initialClientId={typeof client === 'string' ? client : null} />;
}
