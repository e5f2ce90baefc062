'use client';

import type { SessionIdentity } from '@/lib/domain/session';
import { LevelboardApiError } from '@/lib/query/fetch-json';
import { useQueryClient } from '@tanstack/react-query';
import { LinkIcon, LogIn } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';

/**
 * Watches every query of the page: the first 401 means the session ended (a revoked or expired
 * link, a signed-out or disabled person). The page is then replaced by a notice saying so, instead of
 * skeletons that never finish or data that silently stops updating, and the cached data is dropped.
 */
export function SessionEndedGate({ identity, children }: { identity: SessionIdentity; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [ended, setEnded] = useState(false);
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        const error = event.query.state.error;
        if (error instanceof LevelboardApiError && error.status === 401) setEnded(true);
      }),
    [queryClient],
  );
  useEffect(() => {
    // The children (and their polling) are gone; forget what the ended session could read.
    if (ended) queryClient.clear();
  }, [ended, queryClient]);

  if (!ended) return <>{children}</>;
  const link = identity.via === 'link';
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-4 p-6">
      <div
        role="alert"
        className="space-y-3 rounded-xl border border-line bg-raised p-6 shadow-sm"
        data-testid="session-ended"
      >
        {link ? (
          <LinkIcon className="size-6 text-critical" aria-hidden />
        ) : (
          <LogIn className="size-6 text-muted" aria-hidden />
        )}
        <h1 className="text-xl font-semibold tracking-tight">
          {link ? 'This link was revoked or has expired' : 'Your session has ended'}
        </h1>
        <p className="text-sm text-muted">
          {link
            ? 'It no longer opens this dashboard, and what it showed has been cleared from this page. Ask whoever sent it for a new link.'
            : 'You were signed out (or the session timed out). Sign in again to continue.'}
        </p>
        {link ? null : (
          <a
            href="/login"
            className="inline-block text-sm font-medium text-accent underline underline-offset-2"
          >
            Sign in
          </a>
        )}
      </div>
    </main>
  );
}
