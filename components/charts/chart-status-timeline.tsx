import { STATUS_DOT } from '@/components/status/status-badge';
import { timelineSegments } from '@/lib/chart-data';
import type { DeviceHistory } from '@/lib/domain/history';
import { formatAbsolute, STATUS_LABEL } from '@/lib/format';
import clsx from 'clsx';
import { format } from 'date-fns';

// Plain elements rather than recharts: a handful of coloured spans needs no chart library.
export function ChartStatusTimeline({ history }: { history: DeviceHistory }) {
  const segments = timelineSegments(history);
  const span = Date.parse(history.to) - Date.parse(history.from);
  const tick = (iso: string) => format(new Date(iso), span > 2 * 86_400_000 ? 'd MMM' : 'd MMM HH:mm');
  return (
    <figure aria-label="Status over time" data-testid="chart-status-timeline">
      <div className="flex h-6 overflow-hidden rounded-md bg-sunken">
        {segments.map((segment) => (
          <span
            key={segment.start}
            className={clsx('h-full', STATUS_DOT[segment.status])}
            style={{ width: `${segment.share * 100}%` }}
            title={`${STATUS_LABEL[segment.status]} from ${formatAbsolute(new Date(segment.start).toISOString())} to ${formatAbsolute(new Date(segment.end).toISOString())}`}
          />
        ))}
      </div>
      <div className="mt-1 flex justify-between text-xs text-muted">
        <span>{tick(history.from)}</span>
        <span>{tick(history.to)}</span>
      </div>
      <figcaption className="sr-only">
        {segments
          .map((segment) => `${STATUS_LABEL[segment.status]} ${Math.round(segment.share * 100)}% of the time`)
          .join(', ')}
      </figcaption>
    </figure>
  );
}
