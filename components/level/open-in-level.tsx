'use client';

import { useLevelDeviceUrl } from '@/components/level/level-app-context';
import clsx from 'clsx';
import { ExternalLink } from 'lucide-react';

/**
 * A link to the device in Level's web app, in a new tab (noopener: Level's page gets no handle on
 * ours; noreferrer: our URL, which may name a filter or a group, is not sent to Level).
 * `compact`: the icon alone (with an accessible name), for table and alert rows.
 */
export function OpenInLevel({
  deviceId,
  label = 'Open in Level',
  compact = false,
  small = false,
}: {
  deviceId: string;
  /** Accessible name; rows name the device so a screen reader can tell the links apart. */
  label?: string;
  compact?: boolean;
  /** A smaller icon button, for a line of text in a dense table row. */
  small?: boolean;
}) {
  const href = useLevelDeviceUrl(deviceId);
  if (!href) return null;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="open-in-level"
      aria-label={compact ? label : undefined}
      title={compact ? label : undefined}
      className={clsx(
        'inline-flex shrink-0 items-center focus-visible:outline-2 focus-visible:outline-accent',
        compact
          ? 'justify-center rounded text-muted hover:bg-sunken hover:text-ink'
          : 'gap-1 rounded-full border border-line px-2 py-0.5 text-xs text-ink hover:bg-sunken',
        compact && (small ? 'size-5' : 'size-7'),
      )}
    >
      <ExternalLink className={compact && !small ? 'size-4' : 'size-3.5'} aria-hidden />
      {compact ? null : label}
    </a>
  );
}
