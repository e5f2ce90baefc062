'use client';

import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE } from '@/components/charts/chart-theme';
import { historyChartData, percentAxis, timeTicks } from '@/lib/chart-data';
import type { HistorySeries } from '@/lib/domain/history';
import { SEVERITIES } from '@/lib/domain/severity';
import { SEVERITY_LABEL } from '@/lib/format';
import { format } from 'date-fns';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const tickFormat = (span: number) => (time: number) =>
  format(time, span > 2 * 86_400_000 ? 'd MMM' : 'HH:mm');

/** Online share and active alerts over time, from Levelboard's own history, on one time axis. */
export function ChartHealthHistory({ series, height = 180 }: { series: HistorySeries; height?: number }) {
  const data = historyChartData(series.points);
  const domain: [number, number] = [Date.parse(series.from), Date.parse(series.to)];
  const axis = percentAxis(data.map((datum) => datum.onlinePct));
  const ticks = tickFormat(domain[1] - domain[0]);
  const xAxis = (
    <XAxis
      dataKey="time"
      type="number"
      scale="time"
      domain={domain}
      tick={AXIS_TICK}
      tickLine={false}
      axisLine={false}
      ticks={timeTicks(domain[0], domain[1])}
      tickFormatter={ticks}
      minTickGap={16}
    />
  );
  const label = (time: unknown) => format(Number(time), 'd MMM yyyy, HH:mm');
  return (
    <figure aria-label="Fleet health over time" className="space-y-4" data-testid="chart-health-history">
      <div>
        <p className="mb-1 text-xs font-medium text-muted">Online %</p>
        <ResponsiveContainer width="100%" height={height}>
          <LineChart data={data} margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            {xAxis}
            <YAxis
              domain={axis.domain}
              ticks={axis.ticks}
              allowDataOverflow
              tick={AXIS_TICK}
              tickLine={false}
              axisLine={false}
              width={44}
              tickFormatter={(value: number) => `${value}%`}
            />
            <Tooltip
              contentStyle={TOOLTIP_STYLE}
              labelFormatter={label}
              formatter={(value) => [`${String(value)} %`, 'online']}
            />
            <Line
              dataKey="onlinePct"
              stroke={CHART_COLORS.online}
              strokeWidth={2}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div>
        <p className="mb-1 text-xs font-medium text-muted">Active alerts</p>
        <ResponsiveContainer width="100%" height={Math.round(height * 0.7)}>
          <AreaChart data={data} margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            {xAxis}
            <YAxis
              allowDecimals={false}
              tickCount={4}
              tick={AXIS_TICK}
              tickLine={false}
              axisLine={false}
              width={44}
            />
            <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={label} />
            {SEVERITIES.map((severity) => (
              <Area
                key={severity}
                dataKey={severity}
                name={SEVERITY_LABEL[severity]}
                stackId="alerts"
                stroke={CHART_COLORS[severity]}
                fill={CHART_COLORS[severity]}
                fillOpacity={0.35}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {data.length} samples from {label(domain[0])} to {label(domain[1])}
      </figcaption>
    </figure>
  );
}
