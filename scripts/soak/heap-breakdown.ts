// Where a page's heap is, by kind, from a DevTools heap snapshot — so a soak that sees the heap
// grow can say whether the page's own objects grew or V8's compiled code and the browser's capped
// buffers did. Pure: takes the snapshot's JSON text.

export type HeapKind =
  'page objects' | 'compiled code' | 'performance timeline' | 'DevTools buffers' | 'DOM and layout (native)';

export const HEAP_KINDS: readonly HeapKind[] = [
  'page objects',
  'compiled code',
  'performance timeline',
  'DevTools buffers',
  'DOM and layout (native)',
];

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

// Entries the browser keeps for PerformanceObserver's `buffered` flag, each kind capped by the
// browser (resource 250, layout-shift 150, long-animation-frame 200, …).
const PERFORMANCE_ENTRY =
  /^(Performance\w*Timing|PerformanceEntry|PerformanceMark|PerformanceMeasure|LayoutShift\w*|LargestContentfulPaint|TaskAttributionTiming|blink::ScriptTimingInfo|DOMRectReadOnly)$/;

function kindOf(type: string, name: string): HeapKind {
  if (type === 'code') return 'compiled code';
  if (
    name.startsWith('system / ') &&
    /Code|Bytecode|Feedback|InstructionStream|SharedFunctionInfo|ScopeInfo/.test(name)
  )
    return 'compiled code';
  if (PERFORMANCE_ENTRY.test(name)) return 'performance timeline';
  // Kept for a DevTools client's Network panel; exists only while one is attached (the soak's).
  if (name.startsWith('blink::NetworkResourcesData') || name.startsWith('blink::Inspector'))
    return 'DevTools buffers';
  if (type === 'native' || name.startsWith('blink::') || name.startsWith('cppgc'))
    return 'DOM and layout (native)';
  return 'page objects';
}

export type HeapByKind = Record<HeapKind, number>;

/** Bytes by kind (self sizes, which add up to the snapshot's total). */
export function heapBreakdown(snapshotText: string): HeapByKind {
  const snapshot = JSON.parse(snapshotText) as SnapshotJson;
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const totals = Object.fromEntries(HEAP_KINDS.map((kind) => [kind, 0])) as HeapByKind;
  const { nodes, strings } = snapshot;
  for (let at = 0; at < nodes.length; at += width) {
    const type = types[nodes[at + typeAt] ?? 0] ?? '';
    const name = strings[nodes[at + nameAt] ?? 0] ?? '';
    totals[kindOf(type, name)] += nodes[at + sizeAt] ?? 0;
  }
  return totals;
}

/** How much the page's own objects (what a leak in Levelboard's code would grow) changed, in %. */
export function pageObjectGrowthPct(before: HeapByKind, after: HeapByKind): number {
  const start = before['page objects'];
  return start > 0 ? ((after['page objects'] - start) / start) * 100 : 0;
}
