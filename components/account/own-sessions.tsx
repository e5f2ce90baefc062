'use client';

import { Section } from '@/components/settings/section';
import { SessionList } from '@/components/settings/session-list';
import { SignOutEverywhereButton } from '@/components/settings/sign-out-everywhere';
import { ownSessionsQuery } from '@/lib/query/admin';
import { useQuery } from '@tanstack/react-query';

/** One's own sessions: where else one is signed in, with "Sign out" for each and for all. */
export function OwnSessions() {
  const sessions = useQuery(ownSessionsQuery());
  return (
    <Section
      id="own-sessions"
      title="Your sessions"
      description="Every browser signed in as you. Sign out one you do not recognise, or all of them."
    >
      <div className="mb-4">
        <SessionList
          sessions={sessions.data?.sessions ?? []}
          showPerson={false}
          endPath="/api/account/sessions"
          onEnded={() => void sessions.refetch()}
        />
      </div>
      <SignOutEverywhereButton />
    </Section>
  );
}
