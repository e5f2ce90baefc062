import { RoleProvider } from '@/components/actions/admin-context';
import { NoticeProvider } from '@/components/actions/notices';
import { AppHeader } from '@/components/layout/app-header';
import { SessionEndedGate } from '@/components/layout/session-ended-gate';
import { LevelAppProvider } from '@/components/level/level-app-context';
import { LiveUpdates } from '@/components/live/live-updates';
import { requireReader } from '@/lib/auth/page-access';
import { levelAppTemplateFor } from '@/lib/runtime/level-app-link';
import { isDemoMode } from '@/lib/runtime/level-connection';
import type { ReactNode } from 'react';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const access = await requireReader();
  return (
    <RoleProvider role={access.role}>
      <LevelAppProvider template={levelAppTemplateFor(access)}>
        <SessionEndedGate role={access.role}>
          {/* Inside the gate: an ended session closes the stream with the page. */}
          <LiveUpdates />
          <AppHeader demo={isDemoMode()} role={access.role} />
          {/* Room at the bottom on phones for the tab bar. */}
          <main id="main" className="mx-auto max-w-7xl px-4 pt-6 pb-24 md:pb-10">
            <NoticeProvider>{children}</NoticeProvider>
          </main>
        </SessionEndedGate>
      </LevelAppProvider>
    </RoleProvider>
  );
}
