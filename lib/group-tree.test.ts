import type { GroupNode, GroupTotals } from '@/lib/domain/fleet';
import { visibleGroups } from '@/lib/group-tree';
import { describe, expect, it } from 'vitest';

const rollup = {} as GroupTotals;
const node = (id: string, name: string, parentId: string | null, depth: number): GroupNode => ({
  id,
  name,
  parentId,
  childIds: [],
  depth,
  path: [name],
  clientId: id,
  direct: rollup,
  subtree: rollup,
});

// Depth-first, as /api/groups sends them.
const groups = [
  node('a', 'Acme', null, 0),
  node('a1', 'Headquarters', 'a', 1),
  node('a11', 'Servers', 'a1', 2),
  node('b', 'Bravo', null, 0),
  node('b1', 'Remote', 'b', 1),
];

const ids = (rows: GroupNode[]) => rows.map((row) => row.id);

describe('visibleGroups', () => {
  it('shows clients, and children of expanded groups only', () => {
    expect(ids(visibleGroups(groups, new Set(), '').rows)).toEqual(['a', 'b']);
    expect(ids(visibleGroups(groups, new Set(['a']), '').rows)).toEqual(['a', 'a1', 'b']);
    // A collapsed parent hides its whole subtree even if a child is still marked expanded.
    expect(ids(visibleGroups(groups, new Set(['a1']), '').rows)).toEqual(['a', 'b']);
  });

  it('finds deep matches and opens their ancestors', () => {
    const result = visibleGroups(groups, new Set(), 'serv');
    expect(ids(result.rows)).toEqual(['a', 'a1', 'a11']);
    expect([...result.open].sort()).toEqual(['a', 'a1']);
    expect(result.matches).toBe(1);
  });
});
