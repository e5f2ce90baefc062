import type { Metadata } from 'next';
import { OverviewClient } from '@/app/(dashboard)/overview-client';

export const metadata: Metadata = { title: 'Overview' };

export default function OverviewPage() {
  return <OverviewClient />;
}
