import { OverviewClient } from '@/app/(dashboard)/overview-client';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Overview' };

export default function OverviewPage() {
  return <OverviewClient />;
}
