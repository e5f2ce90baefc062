import type { Freshness, GroupNode, Rollup } from '@/lib/domain/fleet';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import 'server-only';

export interface GroupTreeResponse extends Freshness {
  /** Every group, depth-first in name order, each with its direct and subtree rollups. */
  groups: GroupNode[];
  ungrouped: Rollup;
}

/** Depth-first, siblings by name: the order a tree view renders, so the browser needs no sorting. */
export function groupTree(snapshot: FleetSnapshot, visible: (node: GroupNode) => boolean = () => true) {
  const out: GroupNode[] = [];
  const byName = (a: GroupNode, b: GroupNode) => a.name.localeCompare(b.name);
  const visit = (node: GroupNode) => {
    if (visible(node)) out.push(node);
    node.childIds
      .map((id) => snapshot.groupNodes.get(id))
      .filter((child): child is GroupNode => child !== undefined)
      .sort(byName)
      .forEach(visit);
  };
  snapshot.clientIds.forEach((id) => {
    const node = snapshot.groupNodes.get(id);
    if (node) visit(node);
  });
  return out;
}
