import { ReportsHub } from '@/components/report-delivery/reports-hub';
import { requireAdmin } from '@/lib/auth/page-access';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Client reports' };
export const dynamic = 'force-dynamic';

export default async function ReportsSettingsPage() {
  await requireAdmin();
  return <ReportsHub />;
}
