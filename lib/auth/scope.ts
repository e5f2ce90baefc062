import type { UserRole } from '@/lib/db/schema';
import type { LinkScope, PersonScope, Scope } from '@/lib/domain/scope';
import type { SessionRole } from '@/lib/domain/session';
import type { WallSettings } from '@/lib/domain/wall-settings';

// Who is asking and what they may see. Pure data + pure predicates: every route applies the same
// ones. Two kinds of caller share one access model: a person signed in (a named user, or the
// break-glass admin) and a share link; both carry a scope that lib/auth/scoped-fleet.ts enforces.

/** Who a person is, as the audit log and the header show them. */
export interface PersonRef {
  /** users.id, or `break-glass` for the ADMIN_PASSWORD sign-in. */
  id: string;
  name: string;
  email: string;
}

export const BREAK_GLASS_ID = 'break-glass';

export interface PersonAccess {
  via: 'person';
  role: UserRole;
  person: PersonRef;
  scope: PersonScope;
  redact: false;
}

export interface LinkAccess {
  via: 'link';
  role: Exclude<SessionRole, 'admin'>;
  linkId: string;
  scope: LinkScope;
  /** Hide hostnames, nicknames, users and serials. */
  redact: boolean;
  /** Wall links only: the settings the admin chose for the screen. */
  wall: WallSettings | null;
}

export type Access = PersonAccess | LinkAccess;

/** The ADMIN_PASSWORD sign-in: an admin of the whole fleet, marked in the audit log. */
export const BREAK_GLASS_ACCESS: PersonAccess = Object.freeze({
  via: 'person',
  role: 'admin',
  person: Object.freeze({ id: BREAK_GLASS_ID, name: 'admin (break-glass)', email: '' }),
  scope: Object.freeze({ kind: 'fleet' }),
  redact: false,
}) as PersonAccess;

/** Settings, users, share links, walls: the admin only. */
export const isAdmin = (access: Access): access is PersonAccess & { role: 'admin' } =>
  access.via === 'person' && access.role === 'admin';

/** A signed-in person (any role): sees errors and names in full; a link never does. */
export const isPerson = (access: Access): access is PersonAccess => access.via === 'person';

/**
 * Fleet-wide figures and upstream error text (sync request counts, Level's error messages, which
 * may name any device): for people who see the whole fleet, never for a scoped person or a link.
 */
export const seesFleetWide = (access: Access): boolean =>
  access.via === 'person' && access.scope.kind === 'fleet';

/** Admin actions on Level (automations, groups, tags, resolve, acknowledge): admins and technicians. */
export const canAct = (access: Access): access is PersonAccess =>
  access.via === 'person' && (access.role === 'admin' || access.role === 'technician');

function scopeKey(scope: Scope): string {
  switch (scope.kind) {
    case 'fleet':
      return 'fleet';
    case 'group':
      return `group:${scope.groupId}`;
    case 'groups':
      return `groups:${[...scope.groupIds].sort().join(',')}`;
    case 'devices':
      return `devices:${scope.deviceIds.join(',')}`;
  }
}

/**
 * A stable key for caches and ETags: the same key → the same answers. People see names in full
 * and errors in detail, links do not, and a route may answer a role differently, so role and
 * scope are both in a person's key.
 */
export function accessKey(access: Access): string {
  if (access.via === 'person')
    return access.role === 'admin' ? 'admin' : `${access.role}:${scopeKey(access.scope)}`;
  return `${scopeKey(access.scope)}:${access.redact ? 'r' : ''}`;
}
