import { ChartStatusTimeline } from '@/components/charts/chart-status-timeline';
import { HistoryEmpty } from '@/components/charts/history-empty';
import { RangePicker } from '@/components/charts/range-picker';
import { Card } from '@/components/ui/card';
import { QueryView } from '@/components/ui/query-view';
import { SkeletonLines } from '@/components/ui/skeleton';
import type { DeviceHistory, HistoryRange } from '@/lib/domain/history';
import { formatAbsolute, formatPercent, formatRelative, RANGE_LABEL, STATUS_LABEL } from '@/lib/format';
import type { UseQueryResult } from '@tanstack/react-query';

/** Uptime %, "offline since" and the status timeline, from Levelboard's recorded transitions. */
export function DeviceAvailability<T extends HistoryRange>({
  history,
  ranges,
  range,
  onRange,
}: {
  history: UseQueryResult<DeviceHistory | null>;
  ranges: readonly T[];
  range: T;
  onRange: (range: T) => void;
}) {
  return (
    <Card
      id="availability"
      title="Availability"
      className="lg:col-span-2"
      testId="device-availability"
      actions={<RangePicker ranges={ranges} value={range} onChange={onRange} />}
    >
      <QueryView query={history} skeleton={<SkeletonLines lines={3} />} empty={<HistoryEmpty />}>
        {(data) => (
          <div className="space-y-4">
            <div className="flex flex-wrap gap-x-8 gap-y-2">
              <div>
                <p className="text-xs text-muted">Uptime ({RANGE_LABEL[range]})</p>
                <p className="text-2xl font-semibold tabular-nums" data-testid="uptime-pct">
                  {formatPercent(data.uptimePct, 1)}
                </p>
              </div>
              {data.offlineSince ? (
                <div>
                  <p className="text-xs text-muted">Offline since</p>
                  <p className="text-2xl font-semibold" title={formatAbsolute(data.offlineSince)}>
                    {formatAbsolute(data.offlineSince)}
                  </p>
                  <p className="text-xs text-muted">{formatRelative(data.offlineSince)}</p>
                </div>
              ) : null}
            </div>
            <ChartStatusTimeline history={data} />
            {data.transitions.length ? (
              <ol className="max-h-48 space-y-1 overflow-y-auto text-sm" aria-label="Status changes">
                {[...data.transitions]
                  .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
                  .slice(0, 20)
                  .map((transition) => (
                    <li key={transition.at} className="flex justify-between gap-4">
                      <span>
                        {transition.from ? `${STATUS_LABEL[transition.from]} → ` : ''}
                        {STATUS_LABEL[transition.to]}
                      </span>
                      <time dateTime={transition.at} className="text-muted">
                        {formatAbsolute(transition.at)}
                      </time>
                    </li>
                  ))}
              </ol>
            ) : (
              <p className="text-sm text-muted">No status changes in this range.</p>
            )}
          </div>
        )}
      </QueryView>
    </Card>
  );
}
