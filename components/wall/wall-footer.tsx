'use client';

import type { FleetSummary } from '@/lib/domain/fleet';
import type { ConnectionState } from '@/lib/wall/connection';
import type { WakeLockState } from '@/lib/wall/hooks/use-wake-lock';
import type { SoundState } from '@/lib/wall/hooks/use-wall-sound';
import clsx from 'clsx';
import { format } from 'date-fns';

const SOUND_TEXT: Record<SoundState, string> = {
  off: 'Sound off',
  'click-to-arm': 'Click anywhere to turn sound on',
  armed: 'Sound on',
  blocked: 'Click once to resume sound',
};

const WAKE_TEXT: Record<WakeLockState, string> = {
  held: 'Screen kept awake',
  released: 'Screen may sleep',
  unsupported: 'No wake lock here',
  denied: 'Wake lock refused',
};

function Dot({ ok }: { ok: boolean }) {
  return (
    <span
      aria-hidden
      className={clsx('inline-block size-[0.8rem] shrink-0 rounded-full', ok ? 'bg-online' : 'bg-critical')}
    />
  );
}

/** The small print, readable up close: links to Level and to the server, sound, wake lock, version. */
export function WallFooter({
  summary,
  connection,
  sound,
  chimes,
  wakeLock,
  version,
  ignored,
}: {
  summary: FleetSummary | undefined;
  connection: ConnectionState;
  sound: SoundState;
  chimes: number;
  wakeLock: WakeLockState;
  version: string | null;
  ignored: string[];
}) {
  const sync = summary?.sync;
  const levelOk = Boolean(sync?.syncedAt) && !sync?.stale;
  return (
    <footer
      className="flex items-center gap-[2rem] border-t border-line pt-[0.6rem] text-[1.125rem] text-muted"
      data-testid="wall-footer"
    >
      <span className="flex items-center gap-[0.5rem]" data-testid="wall-level-status">
        <Dot ok={levelOk} />
        {sync?.syncedAt
          ? `Level: last sync ${format(Date.parse(sync.syncedAt), 'HH:mm:ss')}${sync.stale ? ' (stale)' : ''}`
          : 'Level: waiting for the first sync'}
      </span>
      <span className="flex items-center gap-[0.5rem]">
        <Dot ok={connection.failures === 0} />
        {connection.failures === 0 ? 'Server connected' : `Reconnecting (${connection.failures} failed)`}
      </span>
      <span data-testid="wall-sound" data-state={sound} data-chimes={chimes}>
        {SOUND_TEXT[sound]}
      </span>
      <span data-testid="wall-wake-lock" data-state={wakeLock}>
        {WAKE_TEXT[wakeLock]}
      </span>
      {ignored.length ? (
        <span className="truncate text-warning" data-testid="wall-ignored">
          Ignored: {ignored.join(' ')}
        </span>
      ) : null}
      <span className="ml-auto shrink-0">{version ? `Levelboard ${version}` : 'Levelboard'}</span>
    </footer>
  );
}
