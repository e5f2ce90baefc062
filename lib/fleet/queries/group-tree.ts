import type { Freshness, GroupName, GroupNode, GroupTotals } from '@/lib/domain/fleet';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import 'server-only';

export interface GroupTreeResponse extends Freshness {
  /** Every group, depth-first in name order, each with its direct and subtree totals. */
  groups: GroupNode[];
  ungrouped: GroupTotals;
}

/** The snapshot's node, field by field: whatever else a node ever holds stays on the server. */
function toGroupNode(node: GroupNode): GroupNode {
  return {
    id: node.id,
    name: node.name,
    parentId: node.parentId,
    childIds: node.childIds,
    depth: node.depth,
    path: node.path,
    clientId: node.clientId,
    direct: node.direct,
    subtree: node.subtree,
  };
}

export interface GroupNamesResponse extends Freshness {
  groups: GroupName[];
}

/** A node without its health numbers, field by field. */
export function toGroupName(node: GroupNode): GroupName {
  return {
    id: node.id,
    name: node.name,
    parentId: node.parentId,
    childIds: node.childIds,
    depth: node.depth,
    path: node.path,
    clientId: node.clientId,
  };
}

/** Depth-first, siblings by name: the order a tree view renders, so the browser needs no sorting. */
export function groupTree(snapshot: FleetSnapshot, visible: (node: GroupNode) => boolean = () => true) {
  const out: GroupNode[] = [];
  const byName = (a: GroupNode, b: GroupNode) => a.name.localeCompare(b.name);
  const visit = (node: GroupNode) => {
    if (visible(node)) out.push(toGroupNode(node));
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
