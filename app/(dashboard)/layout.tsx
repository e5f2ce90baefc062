import { AppHeader } from '@/components/layout/app-header';
import { isDemoMode } from '@/lib/runtime/level-connection';
import { startServerRuntime } from '@/lib/runtime/start';
import type { ReactNode } from 'react';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await startServerRuntime();
  return (
    <>
      <AppHeader demo={isDemoMode()} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
