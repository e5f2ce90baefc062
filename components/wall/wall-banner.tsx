'use client';

import { formatAge } from '@/components/wall/wall-age';
import type { FleetSummary } from '@/lib/domain/fleet';
import type { ConnectionState } from '@/lib/wall/connection';
import { useNow } from '@/lib/wall/hooks/use-now';
import type { ReloadReason } from '@/lib/wall/self-care';
import clsx from 'clsx';
import { format } from 'date-fns';
import { CloudOff, KeyRound, Loader2, RefreshCw, Unplug } from 'lucide-react';
import type { ReactNode } from 'react';

const RELOAD_TEXT: Record<ReloadReason, string> = {
  version: 'A new Levelboard version is deployed — reloading…',
  memory: 'Freeing memory — reloading…',
  uptime: 'Scheduled refresh — reloading…',
};

function Banner({
  tone,
  icon,
  testId,
  children,
}: {
  tone: 'critical' | 'warning' | 'info';
  icon: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className={clsx(
        'flex items-center gap-[1.25rem] rounded-[1rem] border-[0.2rem] px-[1.5rem] py-[0.9rem] text-[1.75rem] leading-tight',
        tone === 'critical' && 'border-critical bg-critical/20',
        tone === 'warning' && 'border-warning bg-warning/15',
        tone === 'info' && 'border-accent bg-accent/10',
      )}
    >
      <span className="shrink-0 [&_svg]:size-[2.5rem]">{icon}</span>
      <p className="min-w-0">{children}</p>
    </div>
  );
}

/**
 * The one thing the room must know about the data itself: the wall was refused, lost its server,
 * the server lost Level (stale), or is still on its first sync. Nothing while all is well.
 */
export function WallBanner({
  summary,
  connection,
  pollMs,
  admin,
  reloading,
}: {
  summary: FleetSummary | undefined;
  connection: ConnectionState;
  pollMs: number;
  admin: boolean;
  reloading: ReloadReason | null;
}) {
  const now = useNow();
  if (reloading) {
    return (
      <Banner tone="info" icon={<RefreshCw aria-hidden />} testId="wall-reloading">
        {RELOAD_TEXT[reloading]}
      </Banner>
    );
  }
  if (connection.refused) {
    return (
      <Banner tone="critical" icon={<KeyRound aria-hidden />} testId="wall-refused">
        {admin
          ? 'The admin session has ended. Sign in again to bring this wall back.'
          : 'This wall link is no longer valid (revoked or expired). Ask an admin for a new wall link.'}
      </Banner>
    );
  }
  // One failed round of polls is noise; still failing a couple of periods later, the server is gone.
  const down = connection.downSince !== null && now - connection.downSince > Math.max(pollMs * 2, 3_000);
  if (down && connection.downSince !== null) {
    return (
      <Banner tone="critical" icon={<Unplug aria-hidden />} testId="wall-disconnected">
        <span className="font-semibold">
          Levelboard server unreachable since {format(connection.downSince, 'HH:mm:ss')}
        </span>{' '}
        ({formatAge(now - connection.downSince)}) — reconnecting by itself; showing the last data.
      </Banner>
    );
  }
  if (summary && !summary.syncedAt) {
    return (
      <Banner tone="info" icon={<Loader2 aria-hidden className="animate-spin" />} testId="wall-first-sync">
        First sync from Level in progress — {summary.sync.firstSync?.devicesFetched ?? 0} devices so far.
      </Banner>
    );
  }
  if (summary?.stale && summary.syncedAt) {
    const keyRejected = summary.sync.lastErrorKind === 'unauthorized';
    return (
      <Banner
        tone="warning"
        icon={keyRejected ? <KeyRound aria-hidden /> : <CloudOff aria-hidden />}
        testId="wall-stale"
      >
        <span className="font-semibold">
          STALE since {format(Date.parse(summary.syncedAt), 'HH:mm')} (
          {formatAge(now - Date.parse(summary.syncedAt))})
        </span>{' '}
        — {keyRejected ? 'Level rejected the API key' : 'Level is unreachable'}; showing the last good data.
      </Banner>
    );
  }
  return null;
}
