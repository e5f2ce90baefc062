// soak:wall's verdict, as pure arithmetic over the samples (unit-tested in summary.test.ts).
//
// Each sample is taken right after a forced garbage collection, so it measures what the page
// keeps, not what it has not collected yet. Views differ in size (a chart has more nodes than a
// list), so growth is judged per view — the same view early and late in the run — and the worst
// view decides. What is judged:
// - JS heap, on every view but the hold screen (whose size is the number of problems being held,
//   which the churning fleet decides, not the page);
// - DOM nodes, on the views whose structure does not depend on the fleet's problems (fleet status,
//   24-hour chart): a list of 3 problems and one of 8 are both right;
// - detached DOM nodes (alive in the renderer but no longer in the document — what a DOM leak
//   keeps), per view: they must not grow by more than the limit's share of that view's document.
// The measured window starts after the warm-up and once every view has been shown (the first
// chart loads its code).

export interface Sample {
  /** Milliseconds since the wall was opened. */
  t: number;
  view: string;
  heapBytes: number;
  /** DOM nodes alive in the renderer (DevTools `Nodes`). */
  nodes: number;
  /** DOM nodes in the document right now. */
  documentNodes: number;
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
  /** When the measured window began (ms since the wall opened). */
  measuredFrom: number;
  heap: MetricSummary;
  nodes: MetricSummary;
  listeners: MetricSummary;
  /** Detached DOM nodes on the view where they grew most (views retain different amounts). */
  detached: { early: number; late: number; documentNodes: number; view: string | null };
  views: string[];
  perView: ViewSummary[];
}

const HEAP_VIEWS = (view: string) => view !== 'hold';
const FIXED_STRUCTURE_VIEWS = (view: string) => view === 'fleet' || view === 'history';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
};

function summarise(
  measured: Sample[],
  pick: (sample: Sample) => number,
  window: number,
  judged: (view: string) => boolean,
): MetricSummary {
  const values = measured.map(pick);
  const byView = new Map<string, number[]>();
  for (const sample of measured) byView.set(sample.view, [...(byView.get(sample.view) ?? []), pick(sample)]);
  let growthPct = 0;
  let worstView: string | null = null;
  for (const [view, series] of byView) {
    if (!judged(view) || series.length < 2 * window) continue;
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

/**
 * What an unmounted view leaves alive until React's next commit depends on the view (a chart
 * leaves more than a list), so detached nodes, too, are compared within each view.
 */
function detachedGrowth(measured: Sample[], window: number): SoakSummary['detached'] {
  let worst: SoakSummary['detached'] = { early: 0, late: 0, documentNodes: 0, view: null };
  for (const view of new Set(measured.map((sample) => sample.view))) {
    const series = measured.filter((sample) => sample.view === view);
    if (series.length < 2 * window) continue;
    const detached = series.map((sample) => sample.nodes - sample.documentNodes);
    const candidate = {
      early: median(detached.slice(0, window)),
      late: median(detached.slice(-window)),
      documentNodes: median(series.map((sample) => sample.documentNodes)),
      view,
    };
    if (worst.view === null || candidate.late - candidate.early > worst.late - worst.early) worst = candidate;
  }
  return worst;
}

export function summariseSoak(samples: readonly Sample[], warmupMs: number, window = 3): SoakSummary {
  const firstSeen = new Map<string, number>();
  for (const sample of samples) if (!firstSeen.has(sample.view)) firstSeen.set(sample.view, sample.t);
  const measuredFrom = Math.max(
    warmupMs,
    ...[...firstSeen].filter(([view]) => view !== 'hold').map(([, t]) => t),
  );
  const measured = samples.filter((sample) => sample.t >= measuredFrom);
  const views = [...new Set(measured.map((sample) => sample.view))];
  return {
    samples: samples.length,
    measured: measured.length,
    measuredFrom,
    heap: summarise(measured, (sample) => sample.heapBytes, window, HEAP_VIEWS),
    nodes: summarise(measured, (sample) => sample.nodes, window, FIXED_STRUCTURE_VIEWS),
    listeners: summarise(measured, (sample) => sample.listeners, window, HEAP_VIEWS),
    detached: detachedGrowth(measured, window),
    views,
    perView: views.map((view) => {
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
  const { early, late, documentNodes, view } = summary.detached;
  if (view === null) problems.push('detached DOM nodes: no view was sampled often enough to compare');
  else if (late - early > Math.max(20, (documentNodes * maxGrowthPct) / 100))
    problems.push(
      `detached DOM nodes grew from ${early} to ${late} on the ${view} view (its document has about ${documentNodes})`,
    );
  return problems;
}
