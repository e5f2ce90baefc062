import { DevicesClient } from '@/app/(dashboard)/devices/client';
import type { Metadata } from 'next';
import { Suspense } from 'react';

export const metadata: Metadata = { title: 'Devices' };

export default function DevicesPage() {
  return (
    <Suspense>
      <DevicesClient />
    </Suspense>
  );
}
