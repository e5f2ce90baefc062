'use client';

import { formatAge } from '@/components/wall/wall-age';
import { useNow } from '@/lib/wall/hooks/use-now';
import { format, isSameDay } from 'date-fns';

/** "12 min" (large) over "since 11:52" — how long something has been wrong. */
const SIZE = {
  // Inside a hold card (a size container).
  hold: { age: 'text-[clamp(1.75rem,20cqh,6rem)] font-bold', clock: 'text-[clamp(1.25rem,12cqh,2.75rem)]' },
  // Inside a size container (a problem row): grows with the row.
  fill: {
    age: 'text-[clamp(1.875rem,30cqh,3.5rem)] font-semibold',
    clock: 'text-[clamp(1.25rem,18cqh,2rem)]',
  },
} as const;

export function WallSince({ at, size }: { at: string | null; size: keyof typeof SIZE }) {
  const now = useNow();
  if (!at) return <span className="text-muted">—</span>;
  const time = Date.parse(at);
  return (
    <span className="flex flex-col items-end leading-tight whitespace-nowrap tabular-nums">
      <span className={SIZE[size].age}>{formatAge(now - time)}</span>
      <span className={`${SIZE[size].clock} text-muted`}>
        since {format(time, isSameDay(time, now) ? 'HH:mm' : 'd MMM HH:mm')}
      </span>
    </span>
  );
}
