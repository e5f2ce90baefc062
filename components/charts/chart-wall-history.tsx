'use client';

import { CHART_COLORS } from '@/components/charts/chart-theme';
import { historyChartData, percentAxis, timeTicks } from '@/lib/chart-data';
import type { HistorySeries } from '@/lib/domain/history';
import { SEVERITIES } from '@/lib/domain/severity';
import { SEVERITY_LABEL } from '@/lib/format';
import { useRootFontSize } from '@/lib/hooks/use-root-font-size';
import { format } from 'date-fns';
import { Area, AreaChart, CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';

// The wall's 24-hour chart: the dashboard's health history drawn for across the room — every size
// in rem so it scales with the wall, thick lines, no tooltips (nobody hovers a wall).
const TICK = { fill: 'var(--text-muted)', fontSize: '1.25rem' };

export function ChartWallHistory({ series }: { series: HistorySeries }) {
  const rem = useRootFontSize();
  const data = historyChartData(series.points);
  const margin = { top: rem * 0.5, right: rem * 1.5, bottom: 0, left: rem * 0.5 };
  const axisWidth = rem * 5.5;
  // A fresh server has a point or two: draw them as dots until there is a line.
  const dots = data.length < 3 ? { r: rem * 0.35 } : false;
  const domain: [number, number] = [Date.parse(series.from), Date.parse(series.to)];
  const axis = percentAxis(data.map((datum) => datum.onlinePct));
  const xAxis = (
    <XAxis
      dataKey="time"
      type="number"
      scale="time"
      domain={domain}
      tick={TICK}
      tickLine={false}
      axisLine={false}
      ticks={timeTicks(domain[0], domain[1])}
      tickFormatter={(time: number) => format(time, 'HH:mm')}
      height={rem * 2.5}
    />
  );
  return (
    <figure
      aria-label="Health over the last 24 hours"
      className="flex h-full flex-col gap-[1rem]"
      data-testid="chart-wall-history"
    >
      <p className="text-[1.5rem] font-medium text-muted">Online %</p>
      <div className="min-h-0 flex-[3]">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={margin}>
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            {xAxis}
            <YAxis
              domain={axis.domain}
              ticks={axis.ticks}
              allowDataOverflow
              tick={TICK}
              tickLine={false}
              axisLine={false}
              width={axisWidth}
              tickFormatter={(value: number) => `${value}%`}
            />
            <Line
              dataKey="onlinePct"
              stroke={CHART_COLORS.online}
              strokeWidth={rem * 0.25}
              dot={dots}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="text-[1.5rem] font-medium text-muted">Active alerts by severity</p>
      <div className="min-h-0 flex-[2]">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} margin={margin}>
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            {xAxis}
            <YAxis
              allowDecimals={false}
              tickCount={4}
              tick={TICK}
              tickLine={false}
              axisLine={false}
              width={axisWidth}
            />
            {SEVERITIES.map((severity) => (
              <Area
                key={severity}
                dataKey={severity}
                name={SEVERITY_LABEL[severity]}
                stackId="alerts"
                stroke={CHART_COLORS[severity]}
                fill={CHART_COLORS[severity]}
                fillOpacity={0.45}
                strokeWidth={rem * 0.125}
                dot={dots}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {data.length} samples of the online share and active alerts over the last 24 hours
      </figcaption>
    </figure>
  );
}
