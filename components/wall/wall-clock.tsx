'use client';

import { useNow } from '@/lib/wall/hooks/use-now';
import { format } from 'date-fns';

export function WallClock() {
  const now = useNow();
  return (
    <div className="text-right leading-none">
      <p className="text-[3.25rem] font-semibold tabular-nums">{format(now, 'HH:mm')}</p>
      <p className="mt-1 text-[1.25rem] text-muted">{format(now, 'EEE d MMM')}</p>
    </div>
  );
}
