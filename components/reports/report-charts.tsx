import { formatUtcDay } from '@/components/reports/report-format';
import type { SecurityTrendPoint } from '@/lib/domain/client-report';

// The report's charts as plain SVG with fixed sizes: the same drawing on screen, on paper and in the
// PDF, with nothing to run in the browser (the PDF is rendered from static markup).

export interface Bar {
  label: string;
  value: number;
  colour: string;
  /** Shown at the bar's end; defaults to the value. */
  text?: string;
}

/** Horizontal bars on a 0–max scale, one row each, with an optional target line. */
export function BarChart({
  bars,
  max,
  title,
  width = 420,
  target,
}: {
  bars: Bar[];
  max: number;
  title: string;
  width?: number;
  target?: { value: number; label: string };
}) {
  const row = 26;
  const labelW = 120;
  const textW = 70;
  const plotW = width - labelW - textW;
  const height = bars.length * row + 24;
  const x = (v: number) => labelW + (max > 0 ? Math.max(0, Math.min(1, v / max)) : 0) * plotW;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {bars.map((bar, i) => (
        <g key={bar.label}>
          <text x={labelW - 8} y={i * row + 17} textAnchor="end">
            {bar.label}
          </text>
          <rect
            x={labelW}
            y={i * row + 5}
            width={plotW}
            height={16}
            rx={3}
            fill="currentColor"
            fillOpacity={0.07}
          />
          <rect
            x={labelW}
            y={i * row + 5}
            width={Math.max(0, x(bar.value) - labelW)}
            height={16}
            rx={3}
            fill={bar.colour}
          />
          <text x={labelW + plotW + 6} y={i * row + 17}>
            {bar.text ?? String(bar.value)}
          </text>
        </g>
      ))}
      {target ? (
        <g>
          <line
            x1={x(target.value)}
            x2={x(target.value)}
            y1={0}
            y2={bars.length * row + 4}
            stroke="#64748b"
            strokeWidth={1.5}
            strokeDasharray="4 3"
          />
          <text x={x(target.value)} y={bars.length * row + 18} textAnchor="middle">
            {target.label}
          </text>
        </g>
      ) : null}
    </svg>
  );
}

/** The security trend: average security score and patch compliance per day, both 0–100. */
export function TrendChart({
  points,
  accent,
  width = 860,
  height = 200,
}: {
  points: SecurityTrendPoint[];
  accent: string;
  width?: number;
  height?: number;
}) {
  const left = 36;
  const right = 28;
  const top = 12;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const n = points.length;
  const x = (i: number) => left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (v: number) => top + plotH - (Math.max(0, Math.min(100, v)) / 100) * plotH;
  const path = (pick: (p: SecurityTrendPoint) => number | null) => {
    let d = '';
    let pen = false;
    points.forEach((p, i) => {
      const v = pick(p);
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };
  const labelEvery = Math.max(1, Math.ceil(n / 8));
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label="Security trend: average security score and patch compliance per day"
    >
      <title>Security trend</title>
      {[0, 25, 50, 75, 100].map((v) => (
        <g key={v}>
          <line x1={left} x2={left + plotW} y1={y(v)} y2={y(v)} stroke="currentColor" strokeOpacity={0.12} />
          <text x={left - 6} y={y(v) + 4} textAnchor="end">
            {v}
          </text>
        </g>
      ))}
      {points.map((p, i) =>
        i % labelEvery === 0 ? (
          <text key={p.day} x={x(i)} y={top + plotH + 16} textAnchor="middle">
            {formatUtcDay(p.day)}
          </text>
        ) : null,
      )}
      <path d={path((p) => p.averageScore)} fill="none" stroke={accent} strokeWidth={2.5} />
      <path
        d={path((p) => p.patchCompliancePct)}
        fill="none"
        stroke="#0d9488"
        strokeWidth={2}
        strokeDasharray="6 4"
      />
      {/* Dots as well as lines: a day with no neighbour (one sample, or a gap) still shows. */}
      {points.map((p, i) =>
        p.averageScore === null ? null : (
          <circle key={`s${p.day}`} cx={x(i)} cy={y(p.averageScore)} r={2.5} fill={accent} />
        ),
      )}
      {points.map((p, i) =>
        p.patchCompliancePct === null ? null : (
          <circle key={`p${p.day}`} cx={x(i)} cy={y(p.patchCompliancePct)} r={2.5} fill="#0d9488" />
        ),
      )}
      <g>
        <line x1={left} x2={left + 22} y1={height - 8} y2={height - 8} stroke={accent} strokeWidth={2.5} />
        <text x={left + 28} y={height - 4}>
          Average security score
        </text>
        <line
          x1={left + 200}
          x2={left + 222}
          y1={height - 8}
          y2={height - 8}
          stroke="#0d9488"
          strokeWidth={2}
          strokeDasharray="6 4"
        />
        <text x={left + 228} y={height - 4}>
          Patch compliance %
        </text>
      </g>
    </svg>
  );
}

/** The score as a ring with the number in the middle. */
export function ScoreRing({ score, colour, label }: { score: number | null; colour: string; label: string }) {
  const r = 52;
  const c = 2 * Math.PI * r;
  const share = score === null ? 0 : Math.max(0, Math.min(100, score)) / 100;
  return (
    <svg width={140} height={140} viewBox="0 0 140 140" role="img" aria-label={label}>
      <title>{label}</title>
      <circle cx={70} cy={70} r={r} fill="none" stroke="currentColor" strokeOpacity={0.1} strokeWidth={14} />
      <circle
        cx={70}
        cy={70}
        r={r}
        fill="none"
        stroke={colour}
        strokeWidth={14}
        strokeDasharray={`${(share * c).toFixed(1)} ${c.toFixed(1)}`}
        transform="rotate(-90 70 70)"
      />
      <text
        x={70}
        y={80}
        textAnchor="middle"
        style={{ fontSize: '34px', fontWeight: 700, fill: 'currentColor' }}
      >
        {score === null ? '–' : String(score)}
      </text>
    </svg>
  );
}
