import type { SyncStatus } from '@/lib/domain/fleet';
import { format } from 'date-fns';
import { CloudOff, KeyRound, Loader2 } from 'lucide-react';

/** First-sync progress, or why the data is stale; nothing while all is well. */
export function SyncBanner({ sync }: { sync: SyncStatus | undefined }) {
  if (!sync) return null;
  if (!sync.syncedAt) {
    const progress = sync.firstSync;
    return (
      <div
        role="status"
        className="flex items-center gap-3 rounded-xl border border-line bg-raised p-4"
        data-testid="first-sync"
      >
        <Loader2 className="size-5 shrink-0 animate-spin text-accent" aria-hidden />
        <p>
          <span className="font-medium">First sync from Level in progress</span>
          <span className="text-muted">
            {' '}
            — {progress?.pagesFetched ?? 0} pages, {(progress?.devicesFetched ?? 0).toLocaleString('en-US')}{' '}
            devices so far
          </span>
          {sync.lastError ? (
            <span className="block text-sm text-critical">Last attempt failed: {sync.lastError}</span>
          ) : null}
        </p>
      </div>
    );
  }
  if (!sync.stale) return null;
  const keyRejected = sync.lastErrorKind === 'unauthorized';
  const Icon = keyRejected ? KeyRound : CloudOff;
  return (
    <div
      role="alert"
      className="flex items-start gap-3 rounded-xl border border-critical/40 bg-critical/10 p-4"
      data-testid="stale-banner"
    >
      <Icon className="mt-0.5 size-5 shrink-0 text-critical" aria-hidden />
      <p>
        <span className="font-medium">
          {keyRejected
            ? 'Level rejected the API key — it may have been regenerated or deleted in Level.'
            : `Level unreachable since ${format(new Date(sync.syncedAt), 'HH:mm')} — showing last data.`}
        </span>
        {sync.lastError && !keyRejected ? (
          <span className="block text-sm text-muted">{sync.lastError}</span>
        ) : null}
      </p>
    </div>
  );
}
