import { OverviewClient } from '@/app/(dashboard)/overview-client';
import type { Metadata } from 'next';
import { Suspense } from 'react';

export const metadata: Metadata = { title: 'Overview' };

export default function OverviewPage() {
  return (
    <Suspense>
      <OverviewClient />
    </Suspense>
  );
}
