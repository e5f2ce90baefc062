import { currentShareLink } from '@/lib/auth/live-share-links';
import type { Access } from '@/lib/auth/scope';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import 'server-only';

// What a technician is told about the link they opened: its name, what it covers and when it
// ends. The scope label names only what the link may see anyway (its own group, never the parents
// above it or a device list's hostnames), so it is safe on a redacted link too.

export interface LinkSessionView {
  name: string;
  scopeKind: 'fleet' | 'group' | 'devices';
  /** "Whole fleet", the group's own name, or "12 devices"; null when the group no longer exists. */
  scopeLabel: string | null;
  redact: boolean;
  expiresAt: number | null;
}

export function scopeLabel(access: Extract<Access, { linkId: string }>, snapshot: FleetSnapshot | null) {
  const scope = access.scope;
  if (scope.kind === 'fleet') return 'Whole fleet';
  if (scope.kind === 'group') return snapshot?.groupNodes.get(scope.groupId)?.name ?? null;
  const count = scope.deviceIds.length;
  return `${count} device${count === 1 ? '' : 's'}`;
}

export async function linkSessionView(
  access: Extract<Access, { linkId: string }>,
  snapshot: FleetSnapshot | null,
): Promise<LinkSessionView | null> {
  const link = await currentShareLink(access.linkId);
  if (!link) return null;
  return {
    name: link.name,
    scopeKind: access.scope.kind,
    scopeLabel: scopeLabel(access, snapshot),
    redact: access.redact,
    expiresAt: link.expiresAt,
  };
}
