import type { GroupNode } from '@/lib/domain/fleet';

/**
 * Which rows of the depth-first group list to show: with a search, the matches and their
 * ancestors (opened); without, the top level plus whatever the user expanded.
 */
export function visibleGroups(
  groups: readonly GroupNode[],
  expanded: ReadonlySet<string>,
  query: string,
): { rows: GroupNode[]; open: Set<string>; matches: number } {
  const byId = new Map(groups.map((group) => [group.id, group]));
  const needle = query.trim().toLowerCase();
  if (!needle) {
    const rows = groups.filter((group) => {
      for (let parent = group.parentId; parent; parent = byId.get(parent)?.parentId ?? null) {
        if (!expanded.has(parent)) return false;
      }
      return true;
    });
    return { rows, open: new Set(expanded), matches: rows.length };
  }
  const keep = new Set<string>();
  const open = new Set<string>();
  let matches = 0;
  for (const group of groups) {
    if (!group.name.toLowerCase().includes(needle)) continue;
    matches += 1;
    keep.add(group.id);
    for (let parent = group.parentId; parent; parent = byId.get(parent)?.parentId ?? null) {
      keep.add(parent);
      open.add(parent);
    }
  }
  return { rows: groups.filter((group) => keep.has(group.id)), open, matches };
}
