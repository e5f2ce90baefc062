import { AlertsClient } from '@/app/(dashboard)/alerts/client';
import type { Metadata } from 'next';
import { Suspense } from 'react';

export const metadata: Metadata = { title: 'Alerts' };

export default function AlertsPage() {
  return (
    <Suspense>
      <AlertsClient />
    </Suspense>
  );
}
