import { GroupsClient } from '@/app/(dashboard)/groups/client';
import type { Metadata } from 'next';
import { Suspense } from 'react';

export const metadata: Metadata = { title: 'Groups' };

export default function GroupsPage() {
  return (
    <Suspense>
      <GroupsClient />
    </Suspense>
  );
}
