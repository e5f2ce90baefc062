import { currentShareLink } from '@/lib/auth/live-share-links';
import type { Access } from '@/lib/auth/scope';
import type { Scope } from '@/lib/domain/scope';
import type { WallIdentity } from '@/lib/domain/wall';
import { fleetService } from '@/lib/fleet/instance';
import 'server-only';

function scopeLabel(scope: Scope): string {
  const groups = fleetService().current()?.groupNodes;
  switch (scope.kind) {
    case 'fleet':
      return 'All clients';
    case 'group':
      return groups?.get(scope.groupId)?.path.join(' / ') ?? 'One client';
    case 'groups':
      return scope.groupIds.length === 1
        ? (groups?.get(scope.groupIds[0] ?? '')?.path.join(' / ') ?? 'One client')
        : `${scope.groupIds.length} clients`;
    case 'devices':
      return `${scope.deviceIds.length} device${scope.deviceIds.length === 1 ? '' : 's'}`;
  }
}

export async function wallIdentity(access: Access): Promise<WallIdentity> {
  if (access.via === 'person') {
    return {
      title: 'Levelboard',
      scope: scopeLabel(access.scope),
      scopeKind: access.scope.kind,
      admin: access.role === 'admin',
      settings: null,
    };
  }
  const link = await currentShareLink(access.linkId);
  return {
    title: link?.name ?? 'Levelboard',
    scope: scopeLabel(access.scope),
    scopeKind: access.scope.kind,
    admin: false,
    settings: access.wall,
  };
}
