import { BrandingEditor } from '@/components/reports/BrandingEditor';
import { requireAdmin } from '@/lib/auth/page-access';
import { getStore } from '@/lib/db/instance';
import { readBranding } from '@/lib/reports/branding';
import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Report branding' };
export const dynamic = 'force-dynamic';

export default async function ReportBrandingPage() {
  await requireAdmin();
  const branding = await readBranding(await getStore());
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/settings" className="hover:underline">
          Settings
        </Link>{' '}
        / Reports / Branding
      </nav>
      <h1 className="text-2xl font-semibold">Report branding</h1>
      <BrandingEditor
        initial={{ name: branding.name, colour: branding.colour, logoDataUrl: branding.logoDataUrl }}
      />
    </div>
  );
}
