'use client';

import { AXIS_TICK, CHART_COLORS, TOOLTIP_STYLE } from '@/components/charts/chart-theme';
import { clientOnlineData } from '@/lib/chart-data';
import type { ClientSummary } from '@/lib/domain/fleet';
import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const BAR = 26;

// One line, cut with an ellipsis: recharts' own tick wraps long names onto a second line.
function NameTick({
  x,
  y,
  payload,
}: {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}) {
  const name = String(payload?.value ?? '');
  return (
    <text x={Number(x) - 6} y={y} dy={4} textAnchor="end" fill="var(--text-muted)" fontSize={12}>
      <title>{name}</title>
      {name.length > 21 ? `${name.slice(0, 20)}…` : name}
    </text>
  );
}

function tone(pct: number): string {
  if (pct >= 95) return CHART_COLORS.online;
  if (pct >= 80) return CHART_COLORS.warning;
  return CHART_COLORS.offline;
}

/** Online share per client, the lowest first; a bar opens the client's group page. */
export function ChartClientOnline({ clients, limit = 12 }: { clients: ClientSummary[]; limit?: number }) {
  const router = useRouter();
  const data = clientOnlineData(clients, limit);
  const height = Math.max(120, data.length * BAR + 40);
  return (
    <figure aria-label="Online share per client, lowest first" data-testid="chart-client-online">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
          <XAxis
            type="number"
            domain={[0, 100]}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            tickFormatter={(value: number) => `${value}%`}
          />
          <YAxis
            type="category"
            dataKey="name"
            tickLine={false}
            axisLine={false}
            width={160}
            interval={0}
            tick={NameTick}
          />
          <Tooltip
            cursor={{ fill: 'var(--surface-sunken)' }}
            contentStyle={TOOLTIP_STYLE}
            formatter={(value, _name, item) => [
              `${String(value)} % (${item.payload.online} of ${item.payload.monitored})`,
              'online',
            ]}
          />
          <Bar
            dataKey="onlinePct"
            radius={[0, 4, 4, 0]}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(datum) => {
              const id = (datum.payload as { id?: string } | undefined)?.id;
              if (id) router.push(`/groups/${encodeURIComponent(id)}`);
            }}
          >
            {data.map((datum) => (
              <Cell key={datum.id} fill={tone(datum.onlinePct)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">
        {data.map((datum) => `${datum.name}: ${datum.onlinePct}% online`).join(', ')}
      </figcaption>
    </figure>
  );
}
