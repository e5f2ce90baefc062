import { currentShareLink } from '@/lib/auth/live-share-links';
import type { Access } from '@/lib/auth/scope';
import type { WallIdentity } from '@/lib/domain/wall';
import { fleetService } from '@/lib/fleet/instance';
import 'server-only';

export async function wallIdentity(access: Access): Promise<WallIdentity> {
  if (access.role === 'admin') {
    return { title: 'Levelboard', scope: 'All clients', scopeKind: 'fleet', admin: true, settings: null };
  }
  const link = await currentShareLink(access.linkId);
  const { scope } = access;
  let label = 'All clients';
  if (scope.kind === 'group') {
    label = fleetService().current()?.groupNodes.get(scope.groupId)?.path.join(' / ') ?? 'One client';
  } else if (scope.kind === 'devices') {
    label = `${scope.deviceIds.length} device${scope.deviceIds.length === 1 ? '' : 's'}`;
  }
  return {
    title: link?.name ?? 'Levelboard',
    scope: label,
    scopeKind: scope.kind,
    admin: false,
    settings: access.wall,
  };
}
