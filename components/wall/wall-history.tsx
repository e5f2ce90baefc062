import { ChartWallHistory } from '@/components/charts/lazy';
import { WallAge } from '@/components/wall/wall-age';
import type { HistorySeries } from '@/lib/domain/history';
import { formatCount, formatPercent } from '@/lib/format';
import { historyHighlights } from '@/lib/wall/history-highlights';
import { format } from 'date-fns';

function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="flex flex-1 flex-col justify-center rounded-[1rem] border border-line bg-raised px-[1.5rem] py-[1.25rem]">
      <p className="text-[1.5rem] text-muted">{label}</p>
      <p className="text-[4rem] leading-tight font-bold tabular-nums">{value}</p>
      <p className="text-[1.375rem] text-muted">{detail}</p>
    </div>
  );
}

/** The last 24 hours from Levelboard's own history: online share and alerts, plus the headlines. */
export function WallHistory({ series, old }: { series: HistorySeries | null; old: boolean }) {
  if (!series || series.points.length === 0) {
    return (
      <section
        className="flex h-full items-center justify-center"
        aria-label="Last 24 hours"
        data-testid="wall-history"
      >
        <p className="max-w-[60rem] text-center text-[2.5rem] text-muted">
          No history recorded yet — the chart fills in once Levelboard has watched the fleet for a while.
        </p>
      </section>
    );
  }
  const { nowPct, low, peakSerious } = historyHighlights(series.points);
  return (
    <section
      className="flex h-full flex-col gap-[1rem]"
      aria-label="Last 24 hours"
      data-testid="wall-history"
    >
      <div className="flex justify-end">
        <WallAge syncedAt={series.syncedAt} old={old} testId="wall-age-history" />
      </div>
      <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)_24rem] gap-[1.5rem]">
        <div className="min-h-0 rounded-[1rem] border border-line bg-raised p-[1.25rem]">
          <ChartWallHistory series={series} />
        </div>
        <div className="flex flex-col gap-[1.25rem]">
          <Figure label="Online now" value={formatPercent(nowPct, 1)} detail="of monitored devices" />
          <Figure
            label="Lowest in 24 h"
            value={formatPercent(low?.pct ?? null, 1)}
            detail={low ? `at ${format(Date.parse(low.at), 'HH:mm')}` : 'no data'}
          />
          <Figure
            label="Critical + emergency, peak"
            value={peakSerious ? formatCount(Math.round(peakSerious.count)) : '—'}
            detail={
              !peakSerious
                ? 'no data'
                : peakSerious.count === 0
                  ? 'none in 24 h'
                  : `at ${format(Date.parse(peakSerious.at), 'HH:mm')}`
            }
          />
        </div>
      </div>
    </section>
  );
}
