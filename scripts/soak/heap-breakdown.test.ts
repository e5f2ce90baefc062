import { describe, expect, it } from 'vitest';
import { heapBreakdown, pageObjectGrowthPct } from './heap-breakdown';

// The smallest snapshot DevTools could write: node_fields and a type table, nodes as flat numbers.
function snapshot(entries: Array<[type: string, name: string, size: number]>): string {
  const types = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'native'];
  const strings: string[] = [];
  const nodes = entries.flatMap(([type, name, size], id) => {
    strings.push(name);
    return [types.indexOf(type), strings.length - 1, id, size, 0];
  });
  return JSON.stringify({
    snapshot: {
      meta: { node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'], node_types: [types, 'string'] },
    },
    nodes,
    strings,
  });
}

describe('heap breakdown', () => {
  it('sorts a snapshot into the page, compiled code, browser buffers and native DOM', () => {
    const totals = heapBreakdown(
      snapshot([
        ['object', 'QueryObserver', 400],
        ['closure', 'render', 100],
        ['code', 'system / InstructionStream', 5_000],
        ['hidden', 'system / FeedbackVector', 300],
        ['object', 'LayoutShift', 150],
        ['object', 'PerformanceResourceTiming', 120],
        ['native', 'blink::NetworkResourcesData::ResourceData', 288],
        ['native', 'blink::LayoutBlockFlow', 144],
        ['string', 'hello', 24],
      ]),
    );
    expect(totals).toEqual({
      'page objects': 524,
      'compiled code': 5_300,
      'performance timeline': 270,
      'DevTools buffers': 288,
      'DOM and layout (native)': 144,
    });
  });

  it('measures growth of the page objects alone', () => {
    const before = heapBreakdown(
      snapshot([
        ['object', 'A', 1_000],
        ['code', 'c', 10],
      ]),
    );
    const after = heapBreakdown(
      snapshot([
        ['object', 'A', 1_150],
        ['code', 'c', 5_000],
      ]),
    );
    expect(pageObjectGrowthPct(before, after)).toBeCloseTo(15);
  });
});
