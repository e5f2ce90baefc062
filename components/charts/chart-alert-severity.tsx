'use client';

import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE } from '@/components/charts/chart-theme';
import { severityData } from '@/lib/chart-data';
import type { SeverityCounts } from '@/lib/domain/fleet';
import { SEVERITY_LABEL } from '@/lib/format';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export function ChartAlertSeverity({ counts, height = 220 }: { counts: SeverityCounts; height?: number }) {
  const data = severityData(counts).map((datum) => ({ ...datum, label: SEVERITY_LABEL[datum.severity] }));
  return (
    <figure aria-label="Active alerts by severity" data-testid="chart-alert-severity">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} axisLine={false} interval={0} />
          <YAxis allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} width={48} />
          <Tooltip
            cursor={{ fill: 'var(--surface-sunken)' }}
            contentStyle={TOOLTIP_STYLE}
            formatter={(value) => [value, 'active alerts']}
          />
          <Bar dataKey="count" radius={[4, 4, 0, 0]} isAnimationActive={false}>
            {data.map((datum) => (
              <Cell key={datum.severity} fill={CHART_COLORS[datum.severity]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">
        {data.map((datum) => `${datum.label}: ${datum.count}`).join(', ')}
      </figcaption>
    </figure>
  );
}
