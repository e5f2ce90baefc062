import type { Scope } from '@/lib/domain/scope';
import type { SessionRole } from '@/lib/domain/session';
import type { WallSettings } from '@/lib/domain/wall-settings';

// Who is asking and what they may see. Pure data + pure predicates: every route applies the same ones.

export type Access =
  | { role: 'admin' }
  | {
      role: Exclude<SessionRole, 'admin'>;
      linkId: string;
      scope: Scope;
      /** Hide hostnames, nicknames, users and serials. */
      redact: boolean;
      /** Wall links only: the settings the admin chose for the screen. */
      wall: WallSettings | null;
    };

export const isAdmin = (access: Access): access is { role: 'admin' } => access.role === 'admin';

/** A stable key for caches and ETags: the same scope and redaction → the same answers. */
export function accessKey(access: Access): string {
  if (access.role === 'admin') return 'admin';
  return `${access.scope.kind}:${access.scope.kind === 'group' ? access.scope.groupId : access.scope.kind === 'devices' ? access.scope.deviceIds.join(',') : ''}:${access.redact ? 'r' : ''}`;
}
