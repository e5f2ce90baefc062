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
      {/* Room at the bottom on phones for the tab bar. */}
      <main id="main" className="mx-auto max-w-7xl px-4 pt-6 pb-24 md:pb-10">
        {children}
      </main>
    </>
  );
}
