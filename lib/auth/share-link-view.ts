import type { ShareLink } from '@/lib/auth/share-links';
import type { LinkCoverage, ShareLinkView } from '@/lib/domain/admin';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import 'server-only';

// What the admin's link list says about a link: the ids in its scope resolved to the names a
// person recognises, and whether what it covers still exists. Built field by field (never a spread)
// so a new column on the link row cannot slip into an answer.

/** How many device names the list shows before "+N more". */
export const NAMED_DEVICES = 3;

export function linkCoverage(link: ShareLink, snapshot: FleetSnapshot | null): LinkCoverage {
  const scope = link.scope;
  if (scope.kind === 'fleet') return { kind: 'fleet' };
  if (scope.kind === 'group') {
    const node = snapshot?.groupNodes.get(scope.groupId);
    return {
      kind: 'group',
      groupId: scope.groupId,
      path: node ? [...node.path] : null,
      missing: snapshot !== null && !node,
    };
  }
  const named: { id: string; name: string }[] = [];
  let missing = 0;
  for (const id of scope.deviceIds) {
    const device = snapshot?.deviceById.get(id);
    if (!device) {
      if (snapshot) missing += 1;
    } else if (named.length < NAMED_DEVICES) named.push({ id, name: device.displayName });
  }
  return { kind: 'devices', count: scope.deviceIds.length, named, missing };
}

export function shareLinkAdminView(link: ShareLink, snapshot: FleetSnapshot | null): ShareLinkView {
  return {
    id: link.id,
    name: link.name,
    kind: link.kind,
    scope: link.scope,
    covers: linkCoverage(link, snapshot),
    resolved: snapshot !== null,
    redact: link.redact,
    wall: link.wall,
    reportPeriod: link.reportPeriod,
    createdAt: link.createdAt,
    expiresAt: link.expiresAt,
    revokedAt: link.revokedAt,
    lastUsedAt: link.lastUsedAt,
    useCount: link.useCount,
  };
}
