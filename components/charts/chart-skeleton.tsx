import { Skeleton } from '@/components/ui/skeleton';

/** Stands in for a chart while its code (recharts) or its data loads; same height, no layout jump. */
export function ChartSkeleton({ height, label = 'Loading chart' }: { height: number; label?: string }) {
  return (
    <div
      role="status"
      aria-label={label}
      style={{ height }}
      className="flex items-end gap-2 pt-4"
      data-testid="chart-skeleton"
    >
      {[40, 65, 50, 80, 60, 90, 70, 55].map((pct, index) => (
        <Skeleton key={index} className="flex-1 rounded-b-none" style={{ height: `${pct}%` }} />
      ))}
    </div>
  );
}
