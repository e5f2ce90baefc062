import type { WallSettings } from '@/lib/wall/settings';
import { z } from 'zod';

// What a share link may see. Pure data + pure predicates: every route applies the same ones.

/** The most devices one device-list link may name (the admin's picker shows the same limit). */
export const MAX_SCOPE_DEVICES = 1000;

export const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fleet') }),
  z.object({ kind: z.literal('group'), groupId: z.string().min(1).max(200) }),
  z.object({
    kind: z.literal('devices'),
    deviceIds: z.array(z.string().min(1).max(200)).min(1).max(MAX_SCOPE_DEVICES),
  }),
]);

export type Scope = z.infer<typeof scopeSchema>;

export type Access =
  | { role: 'admin' }
  | {
      role: 'viewer' | 'kiosk';
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
