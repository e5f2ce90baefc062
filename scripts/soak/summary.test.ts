import { describe, expect, it } from 'vitest';
import { summariseSoak, verdict, type Sample } from './summary';

const MB = 2 ** 20;
const VIEWS = ['fleet', 'problems', 'history', 'hold'];

function run(shape: (n: number, view: string) => Partial<Sample>, length = 48): Sample[] {
  return Array.from({ length }, (_, n) => {
    const view = VIEWS[n % VIEWS.length] as string;
    return {
      t: n * 10_000,
      view,
      heapBytes: 20 * MB,
      nodes: 1_000,
      documentNodes: 990,
      listeners: 100,
      ...shape(n, view),
    };
  });
}

describe('soak summary', () => {
  it('calls a flat run flat, though views and problem lists differ in size', () => {
    const samples = run((n, view) => ({
      heapBytes: (view === 'history' ? 30 : 20) * MB + (n % 3) * 0.1 * MB,
      // The problems list and the hold screen follow the fleet: 3 rows now, 8 later.
      nodes: view === 'problems' || view === 'hold' ? 300 + (n % 7) * 60 : view === 'history' ? 900 : 600,
      documentNodes:
        view === 'problems' || view === 'hold' ? 290 + (n % 7) * 60 : view === 'history' ? 890 : 590,
    }));
    const summary = summariseSoak(samples, 60_000);
    expect(summary.views.sort()).toEqual(['fleet', 'history', 'hold', 'problems']);
    expect(Math.abs(summary.heap.growthPct)).toBeLessThan(2);
    expect(summary.nodes.growthPct).toBe(0);
    expect(['fleet', 'history']).toContain(summary.nodes.worstView);
    expect(summary.detached).toMatchObject({ early: 10, late: 10 });
    expect(summary.detached.view).not.toBeNull();
    expect(verdict(summary, 10)).toEqual([]);
  });

  it('catches a heap leak in one view and ignores the warm-up', () => {
    const samples = run((n, view) => ({
      heapBytes: (view === 'problems' ? 30 * MB + n * 0.5 * MB : 20 * MB) + (n < 3 ? 50 * MB : 0),
    }));
    const summary = summariseSoak(samples, 40_000);
    expect(summary.heap.worstView).toBe('problems');
    expect(summary.heap.growthPct).toBeGreaterThan(30);
    expect(summary.heap.start).toBe(20 * MB);
    expect(verdict(summary, 10)).toEqual([
      expect.stringMatching(/^JS heap changed \d+\.\d % on the problems view/),
    ]);
  });

  it('catches detached DOM nodes piling up on any view', () => {
    const samples = run((n) => ({ nodes: 1_000 + n * 10, documentNodes: 990 }));
    const summary = summariseSoak(samples, 0);
    expect(verdict(summary, 10)).toContainEqual(
      expect.stringMatching(/^detached DOM nodes grew from \d+ to \d+ on the \w+ view/),
    );
  });

  it('does not mistake views that retain different amounts for detached-node growth', () => {
    // The chart view leaves few nodes behind, the others more; the first measured samples (from
    // when every view has been seen) fall on the chart.
    const order = ['fleet', 'problems', 'hold', 'history', 'history', 'history', 'history'];
    const samples = run((n, view) => {
      const shown = order[n] ?? view;
      return { view: shown, nodes: shown === 'history' ? 197 : 283, documentNodes: 190 };
    });
    const summary = summariseSoak(samples, 0);
    expect(summary.detached.late - summary.detached.early).toBe(0);
    expect(verdict(summary, 10)).toEqual([]);
  });

  it('starts measuring only once every view has been shown', () => {
    const samples = run(() => ({})).map((sample, n) =>
      n < 10 && sample.view === 'history' ? { ...sample, view: 'fleet' } : sample,
    );
    expect(summariseSoak(samples, 0).measuredFrom).toBe(100_000);
  });

  it('refuses to judge a run that is too short', () => {
    const summary = summariseSoak(
      run(() => ({}), 3),
      0,
    );
    expect(verdict(summary, 10)).toContainEqual(expect.stringMatching(/^only 1 samples after warm-up/));
  });
});
