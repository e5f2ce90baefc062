'use client';

import { formatAge } from '@/components/wall/wall-age';
import { useNow } from '@/lib/wall/hooks/use-now';
import { format } from 'date-fns';

/** "12 min" (large) over "since 11:52" — how long something has been wrong. */
export function WallSince({ at, size = 'normal' }: { at: string | null; size?: 'normal' | 'large' }) {
  const now = useNow();
  if (!at) return <span className="text-muted">—</span>;
  const time = Date.parse(at);
  return (
    <span className="flex flex-col items-end leading-tight tabular-nums">
      <span className={size === 'large' ? 'text-[2.75rem] font-bold' : 'text-[2rem] font-semibold'}>
        {formatAge(now - time)}
      </span>
      <span className={size === 'large' ? 'text-[1.5rem] text-muted' : 'text-[1.25rem] text-muted'}>
        since {format(time, now - time > 86_400_000 ? 'd MMM HH:mm' : 'HH:mm')}
      </span>
    </span>
  );
}
