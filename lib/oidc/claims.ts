import type { OidcDefaultRole, OidcRole, RoleMap } from '@/lib/config/oidc-env';
import type { GroupNode } from '@/lib/domain/fleet';
import { MAX_SCOPE_GROUPS, type PersonScope } from '@/lib/domain/scope';

// From the provider's claims to a role and a scope. Pure: the provider's word and the fleet's
// groups in, a decision out.

const RANK: Record<OidcRole, number> = { viewer: 1, technician: 2, admin: 3 };

/**
 * A claim's values: a string is one value, an array its strings. The name is first looked up as
 * is (claims may be URLs with dots, as Auth0's namespaced ones), then as a dotted path into nested
 * objects (Keycloak's `realm_access.roles`).
 */
export function claimValues(claims: Record<string, unknown>, name: string): string[] {
  let value: unknown = claims[name];
  if (value === undefined && name.includes('.')) {
    value = claims;
    for (const part of name.split('.')) {
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    }
  }
  if (typeof value === 'string') return value ? [value] : [];
  if (Array.isArray(value))
    return value.filter((item): item is string => typeof item === 'string' && item !== '');
  return [];
}

/** The highest role any value maps to (through the map, or by being a role's own name), else null. */
export function mappedRole(values: readonly string[], map: RoleMap): OidcRole | null {
  let best: OidcRole | null = null;
  for (const value of values) {
    const direct = value.toLowerCase();
    const role =
      map.get(value) ??
      (direct === 'admin' || direct === 'technician' || direct === 'viewer'
        ? (direct as OidcRole)
        : undefined);
    if (role && (!best || RANK[role] > RANK[best])) best = role;
  }
  return best;
}

export type RoleDecision = { role: OidcRole; from: 'claim' | 'default' } | { refused: true };

export function decideRole(
  values: readonly string[],
  map: RoleMap,
  defaultRole: OidcDefaultRole,
): RoleDecision {
  const role = mappedRole(values, map);
  if (role) return { role, from: 'claim' };
  return defaultRole === 'refuse' ? { refused: true } : { role: defaultRole, from: 'default' };
}

const FLEET_VALUES = new Set(['fleet', '*']);

const normal = (text: string) => text.trim().toLowerCase();
const pathKey = (parts: readonly string[]) => parts.map(normal).join('/');

export type ScopeDecision =
  | { scope: PersonScope; unmatched: number }
  /** No value named a group of this fleet (or the fleet has not loaded yet). */
  | { scope: null; unmatched: number };

/**
 * The scope the values name. `fleet` or `*` is the whole fleet; anything else is a group: its id,
 * its path (`Acme/Branch office`), or its name when exactly one group bears it — a name shared by
 * several groups (every client's "Servers") would open all of them, so it opens none.
 */
export function decideScope(
  role: OidcRole,
  values: readonly string[],
  groups: ReadonlyMap<string, Pick<GroupNode, 'id' | 'name' | 'path'>> | null,
): ScopeDecision {
  // An admin is always the whole fleet (lib/domain/scope.ts).
  if (role === 'admin') return { scope: { kind: 'fleet' }, unmatched: 0 };
  if (values.some((value) => FLEET_VALUES.has(normal(value))))
    return { scope: { kind: 'fleet' }, unmatched: 0 };
  if (!groups) return { scope: null, unmatched: values.length };
  const byPath = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const group of groups.values()) {
    byPath.set(pathKey(group.path), group.id);
    const name = normal(group.name);
    byName.set(name, [...(byName.get(name) ?? []), group.id]);
  }
  const ids = new Set<string>();
  let unmatched = 0;
  for (const value of values) {
    const named = byName.get(normal(value));
    const id = groups.has(value)
      ? value
      : (byPath.get(pathKey(value.split('/'))) ?? (named?.length === 1 ? named[0] : undefined));
    if (id) ids.add(id);
    else unmatched += 1;
  }
  if (ids.size === 0) return { scope: null, unmatched };
  return { scope: { kind: 'groups', groupIds: [...ids].sort().slice(0, MAX_SCOPE_GROUPS) }, unmatched };
}
