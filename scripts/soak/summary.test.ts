import { describe, expect, it } from 'vitest';
import { summariseSoak, verdict, type Sample } from './summary';

const MB = 2 ** 20;
const run = (
  heap: (n: number, view: string) => number,
  nodes: (n: number, view: string) => number,
): Sample[] =>
  Array.from({ length: 40 }, (_, n) => {
    const view = ['fleet', 'clients'][n % 2] as string;
    return { t: n * 10_000, view, heapBytes: heap(n, view), nodes: nodes(n, view), listeners: 100 };
  });

describe('soak summary', () => {
  it('calls a flat run flat even when views differ in size', () => {
    const samples = run(
      (n, view) => (view === 'fleet' ? 20 : 30) * MB + (n % 3) * 0.1 * MB,
      (_n, view) => (view === 'fleet' ? 900 : 1_400),
    );
    const summary = summariseSoak(samples, 60_000);
    expect(summary.measured).toBe(34);
    expect(summary.views.sort()).toEqual(['clients', 'fleet']);
    expect(Math.abs(summary.heap.growthPct)).toBeLessThan(2);
    expect(summary.nodes.growthPct).toBe(0);
    expect(summary.nodes.max).toBe(1_400);
    expect(verdict(summary, 10)).toEqual([]);
  });

  it('catches a leak in one view and ignores the warm-up', () => {
    const samples = run(
      (n, view) => (view === 'clients' ? 30 * MB + n * 0.5 * MB : 20 * MB) + (n < 3 ? 50 * MB : 0),
      () => 1_000,
    );
    const summary = summariseSoak(samples, 40_000);
    expect(summary.heap.worstView).toBe('clients');
    expect(summary.heap.growthPct).toBeGreaterThan(30);
    expect(summary.heap.start).toBe(20 * MB);
    expect(verdict(summary, 10)).toEqual([
      expect.stringMatching(/^JS heap changed \d+\.\d % on the clients view/),
    ]);
  });

  it('reports the hold screen but does not judge it (its size is the number of held problems)', () => {
    const samples = run(
      () => 20 * MB,
      (n, view) => (view === 'clients' ? 300 + n * 20 : 1_000),
    ).map((sample) => (sample.view === 'clients' ? { ...sample, view: 'hold' } : sample));
    const summary = summariseSoak(samples, 0);
    expect(summary.nodes.worstView).toBe('fleet');
    expect(summary.perView.find((view) => view.view === 'hold')).toMatchObject({
      samples: 20,
      nodesEarly: 360,
    });
    expect(verdict(summary, 10)).toEqual([]);
  });

  it('refuses to judge a run that is too short', () => {
    const summary = summariseSoak(
      run(
        () => MB,
        () => 1,
      ).slice(0, 3),
      0,
    );
    expect(verdict(summary, 10)).toContain('only 3 samples after warm-up');
  });
});
