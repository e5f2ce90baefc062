import clsx from 'clsx';

/** How full something is (a disk); turns amber then red as it fills. */
export function UsageBar({ usedPct, label }: { usedPct: number; label: string }) {
  const pct = Math.min(100, Math.max(0, usedPct));
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(pct)}
      className="h-2 overflow-hidden rounded-full bg-sunken"
    >
      <div
        className={clsx(
          'h-full rounded-full',
          pct >= 90 ? 'bg-critical' : pct >= 75 ? 'bg-warning' : 'bg-accent',
        )}
        style={{ width: `${pct}%` }}
      />
    </div>
  );
}
