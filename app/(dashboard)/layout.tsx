import { AppHeader } from '@/components/layout/app-header';
import { requireReader } from '@/lib/auth/page-access';
import { isDemoMode } from '@/lib/runtime/level-connection';
import type { ReactNode } from 'react';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const access = await requireReader();
  return (
    <>
      <AppHeader demo={isDemoMode()} role={access.role} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
