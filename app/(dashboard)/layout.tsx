import { RoleProvider } from '@/components/actions/admin-context';
import { NoticeProvider } from '@/components/actions/notices';
import { AppHeader } from '@/components/layout/app-header';
import { SessionEndedGate } from '@/components/layout/session-ended-gate';
import { LevelAppProvider } from '@/components/level/level-app-context';
import { LiveUpdates } from '@/components/live/live-updates';
import { requireReader } from '@/lib/auth/page-access';
import { BREAK_GLASS_ID } from '@/lib/auth/scope';
import type { SessionIdentity } from '@/lib/domain/session';
import { levelAppTemplateFor } from '@/lib/runtime/level-app-link';
import { isDemoMode } from '@/lib/runtime/level-connection';
import type { ReactNode } from 'react';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const access = await requireReader();
  const identity: SessionIdentity = {
    role: access.role,
    via: access.via,
    name: access.via === 'person' ? access.person.name : null,
    breakGlass: access.via === 'person' && access.person.id === BREAK_GLASS_ID,
  };
  return (
    <RoleProvider identity={identity}>
      <LevelAppProvider template={levelAppTemplateFor(access)}>
        <SessionEndedGate identity={identity}>
          {/* Inside the gate: an ended session closes the stream with the page. */}
          <LiveUpdates />
          <AppHeader demo={isDemoMode()} identity={identity} />
          {/* Room at the bottom on phones for the tab bar. */}
          <main id="main" className="mx-auto max-w-7xl px-4 pt-6 pb-24 md:pb-10">
            <NoticeProvider>{children}</NoticeProvider>
          </main>
        </SessionEndedGate>
      </LevelAppProvider>
    </RoleProvider>
  );
}
