'use client';

import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE } from '@/components/charts/chart-theme';
import { averageSecurityScore, patchCompliance, type PosturePoint } from '@/lib/domain/posture';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const day = (t: number) => new Date(t).toISOString().slice(5, 10);

/** Daily patch compliance (%), average security score and devices with failed updates. */
export function ChartPostureTrend({ points, height = 260 }: { points: PosturePoint[]; height?: number }) {
  const data = points.map((p) => {
    const share = patchCompliance(p.figures);
    const avg = averageSecurityScore(p.figures);
    return {
      day: p.day,
      patched: share === null ? null : Math.round(share * 1000) / 10,
      score: avg === null ? null : Math.round(avg * 10) / 10,
      failed: p.figures.devicesWithFailed,
    };
  });
  const last = data.at(-1);
  return (
    <figure aria-label="Patch and security posture per day" data-testid="chart-posture-trend">
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis
            dataKey="day"
            tickFormatter={day}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            minTickGap={24}
          />
          <YAxis
            yAxisId="pct"
            domain={[0, 100]}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            width={36}
          />
          <YAxis
            yAxisId="count"
            orientation="right"
            allowDecimals={false}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            width={32}
          />
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            labelFormatter={(t) => new Date(Number(t)).toISOString().slice(0, 10)}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line
            yAxisId="pct"
            dataKey="patched"
            name="Fully patched %"
            stroke={CHART_COLORS.online}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            yAxisId="pct"
            dataKey="score"
            name="Avg security score"
            stroke={CHART_COLORS.accent}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            yAxisId="count"
            dataKey="failed"
            name="Devices with failed updates"
            stroke={CHART_COLORS.offline}
            strokeWidth={2}
            strokeDasharray="4 3"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">
        {last
          ? `Latest day: ${last.patched ?? 'unknown'} % fully patched, average security score ${last.score ?? 'unknown'}, ${last.failed} devices with failed updates; ${data.length} days shown.`
          : 'No days recorded yet.'}
      </figcaption>
    </figure>
  );
}
