import { formatAbsolute, formatRelative } from '@/lib/format';
import { CloudOff } from 'lucide-react';

/**
 * Why the hardware/OS/security sections are missing or old: Level failed, or this session opened
 * too many devices in the last minute. With a copy (`fetchedAt`) its age is said.
 */
export function DeviceDetailNotice({ reason, fetchedAt }: { reason: string; fetchedAt: string | null }) {
  return (
    <div
      role="status"
      className="flex items-start gap-3 rounded-xl border border-warning/60 bg-warning/10 p-4 text-sm"
      data-testid="detail-error"
    >
      <CloudOff className="mt-0.5 size-5 shrink-0 text-muted" aria-hidden />
      <p>
        {fetchedAt ? (
          <span className="font-medium">
            Level did not return fresh details; showing those from{' '}
            <time dateTime={fetchedAt} title={formatAbsolute(fetchedAt)} suppressHydrationWarning>
              {formatRelative(fetchedAt)}
            </time>
            .
          </span>
        ) : (
          <span className="font-medium">Level did not return this device’s details.</span>
        )}{' '}
        <span className="text-muted">Status and alerts are from the last sync. ({reason})</span>
      </p>
    </div>
  );
}
