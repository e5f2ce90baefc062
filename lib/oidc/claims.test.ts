import { claimValues, decideRole, decideScope, mappedRole } from '@/lib/oidc/claims';
import { describe, expect, it } from 'vitest';

const GROUPS = new Map(
  [
    { id: 'g1', name: 'Acme', path: ['Acme'] },
    { id: 'g1s', name: 'Servers', path: ['Acme', 'Servers'] },
    { id: 'g2', name: 'Globex', path: ['Globex'] },
    { id: 'g2s', name: 'Servers', path: ['Globex', 'Servers'] },
  ].map((group) => [group.id, group]),
);

describe('claim mapping', () => {
  it('reads a claim as a string, an array of strings, a URL-like name or a dotted path', () => {
    const claims = {
      roles: 'admin',
      groups: ['a', 7, '', 'b'],
      'https://example.com/roles': ['x'],
      realm_access: { roles: ['technician'] },
    };
    expect(claimValues(claims, 'roles')).toEqual(['admin']);
    expect(claimValues(claims, 'groups')).toEqual(['a', 'b']);
    expect(claimValues(claims, 'https://example.com/roles')).toEqual(['x']);
    expect(claimValues(claims, 'realm_access.roles')).toEqual(['technician']);
    expect(claimValues(claims, 'missing.path')).toEqual([]);
  });

  it('takes the highest role any value maps to, through the map or a role’s own name', () => {
    const map = new Map([['Levelboard.Admin', 'admin' as const]]);
    expect(mappedRole(['viewer', 'Technician'], map)).toBe('technician');
    expect(mappedRole(['viewer', 'Levelboard.Admin'], map)).toBe('admin');
    expect(mappedRole(['levelboard.admin'], map)).toBeNull();
    expect(decideRole([], map, 'refuse')).toEqual({ refused: true });
    expect(decideRole(['other'], map, 'viewer')).toEqual({ role: 'viewer', from: 'default' });
  });

  it('resolves client scope by id, path or unique name; a shared name opens nothing', () => {
    expect(decideScope('technician', ['g2', 'acme'], GROUPS)).toEqual({
      scope: { kind: 'groups', groupIds: ['g1', 'g2'] },
      unmatched: 0,
    });
    expect(decideScope('viewer', ['Globex / Servers', 'Servers'], GROUPS)).toEqual({
      scope: { kind: 'groups', groupIds: ['g2s'] },
      unmatched: 1,
    });
    expect(decideScope('viewer', ['Servers'], GROUPS).scope).toBeNull();
    expect(decideScope('technician', ['*'], GROUPS).scope).toEqual({ kind: 'fleet' });
    expect(decideScope('viewer', ['Fleet'], null).scope).toEqual({ kind: 'fleet' });
    expect(decideScope('technician', ['Acme'], null).scope).toBeNull();
    expect(decideScope('admin', [], GROUPS).scope).toEqual({ kind: 'fleet' });
  });
});
