// soak:wall's verdict, as pure arithmetic over the samples (unit-tested in summary.test.ts).
//
// Each sample is taken right after a forced garbage collection, so it measures what the page
// keeps, not what it has not collected yet. Views differ in size (a chart has more nodes than a
// list), so growth is judged per view — the same view early and late in the run — and the worst
// view decides. The hold screen is reported but not judged: its size is the number of problems
// being held (one card or three), which the churning fleet decides, not the page.

/** Views whose size does not depend on how many problems happen to be new. */
const JUDGED = (view: string) => view !== 'hold';

export interface Sample {
  /** Milliseconds since the wall was opened. */
  t: number;
  view: string;
  heapBytes: number;
  nodes: number;
  listeners: number;
}

export interface MetricSummary {
  start: number;
  end: number;
  max: number;
  min: number;
  /** Worst per-view change from the start of the measured window to its end, in percent. */
  growthPct: number;
  worstView: string | null;
}

export interface ViewSummary {
  view: string;
  samples: number;
  heapEarly: number;
  heapLate: number;
  nodesEarly: number;
  nodesLate: number;
}

export interface SoakSummary {
  samples: number;
  measured: number;
  heap: MetricSummary;
  nodes: MetricSummary;
  listeners: MetricSummary;
  views: string[];
  perView: ViewSummary[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
};

function summarise(measured: Sample[], pick: (sample: Sample) => number, window: number): MetricSummary {
  const values = measured.map(pick);
  const byView = new Map<string, number[]>();
  for (const sample of measured) byView.set(sample.view, [...(byView.get(sample.view) ?? []), pick(sample)]);
  let growthPct = 0;
  let worstView: string | null = null;
  for (const [view, series] of byView) {
    if (!JUDGED(view) || series.length < 2 * window) continue;
    const early = median(series.slice(0, window));
    const late = median(series.slice(-window));
    const change = early > 0 ? ((late - early) / early) * 100 : 0;
    if (worstView === null || Math.abs(change) > Math.abs(growthPct)) {
      growthPct = change;
      worstView = view;
    }
  }
  return {
    start: values[0] ?? NaN,
    end: values.at(-1) ?? NaN,
    max: Math.max(...values),
    min: Math.min(...values),
    growthPct,
    worstView,
  };
}

export function summariseSoak(samples: readonly Sample[], warmupMs: number, window = 3): SoakSummary {
  const measured = samples.filter((sample) => sample.t >= warmupMs);
  return {
    samples: samples.length,
    measured: measured.length,
    heap: summarise(measured, (sample) => sample.heapBytes, window),
    nodes: summarise(measured, (sample) => sample.nodes, window),
    listeners: summarise(measured, (sample) => sample.listeners, window),
    views: [...new Set(measured.map((sample) => sample.view))],
    perView: [...new Set(measured.map((sample) => sample.view))].map((view) => {
      const series = measured.filter((sample) => sample.view === view);
      const early = series.slice(0, window);
      const late = series.slice(-window);
      return {
        view,
        samples: series.length,
        heapEarly: median(early.map((sample) => sample.heapBytes)),
        heapLate: median(late.map((sample) => sample.heapBytes)),
        nodesEarly: median(early.map((sample) => sample.nodes)),
        nodesLate: median(late.map((sample) => sample.nodes)),
      };
    }),
  };
}

/** Problems with the run, or an empty list when the goal was met. */
export function verdict(summary: SoakSummary, maxGrowthPct: number): string[] {
  const problems: string[] = [];
  if (summary.measured < 4) problems.push(`only ${summary.measured} samples after warm-up`);
  for (const [name, metric] of [
    ['JS heap', summary.heap],
    ['DOM nodes', summary.nodes],
  ] as const) {
    if (metric.worstView === null) problems.push(`${name}: no view was sampled often enough to compare`);
    else if (Math.abs(metric.growthPct) > maxGrowthPct)
      problems.push(
        `${name} changed ${metric.growthPct.toFixed(1)} % on the ${metric.worstView} view (limit ±${maxGrowthPct} %)`,
      );
  }
  return problems;
}
