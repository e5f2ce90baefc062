import { accessKey, BREAK_GLASS_ACCESS, isAdmin, type Access } from '@/lib/auth/scope';
import { MAX_SCOPE_DEVICES, scopeSchema, type Scope } from '@/lib/domain/scope';
import { describe, expect, it } from 'vitest';

// accessKey names the cache slot and ETag part of every scoped answer (lib/auth/scoped-fleet.ts,
// lib/api/routes/*): two accesses with one key get each other's answers. So the key must be the
// same exactly when the answers are — same scope and redaction — and differ otherwise.

const link = (scope: Scope, redact = false, extra: Partial<Access> = {}): Access =>
  ({ via: 'link', role: 'viewer', linkId: 'link-1', scope, redact, wall: null, ...extra }) as Access;

const SCOPES: Scope[] = [
  { kind: 'fleet' },
  { kind: 'group', groupId: 'acme' },
  { kind: 'group', groupId: 'acme-east' },
  { kind: 'group', groupId: 'r' },
  { kind: 'group', groupId: 'acme:r' },
  { kind: 'group', groupId: 'devices' },
  { kind: 'devices', deviceIds: ['acme'] },
  { kind: 'devices', deviceIds: ['a'] },
  { kind: 'devices', deviceIds: ['a', 'b'] },
  { kind: 'devices', deviceIds: ['a', 'b', 'c'] },
  { kind: 'devices', deviceIds: ['r'] },
  { kind: 'devices', deviceIds: ['fleet'] },
];

describe('accessKey', () => {
  it('differs between every pair of scopes and redactions, and from the admin', () => {
    const accesses: Access[] = [
      BREAK_GLASS_ACCESS,
      ...SCOPES.flatMap((scope) => [link(scope), link(scope, true)]),
    ];
    const keys = accesses.map(accessKey);
    expect(new Set(keys).size).toBe(accesses.length);
  });

  it('is the same for the same scope and redaction, whoever holds the link', () => {
    for (const scope of SCOPES) {
      const key = accessKey(link(scope, true));
      expect(accessKey(link(structuredClone(scope), true))).toBe(key);
      expect(accessKey(link(scope, true, { linkId: 'another-link' }))).toBe(key);
      expect(
        accessKey(link(scope, true, { role: 'kiosk', wall: { theme: 'light' } } as Partial<Access>)),
      ).toBe(key);
    }
  });

  // Found while writing these tests, left for the lead: device ids are joined with ',', so a list
  // naming one device whose id contains a comma gets the key of the list naming its two halves,
  // and with it that list's cached view, totals and ETag. Link creation only accepts ids the
  // snapshot knows, so this needs a Level device id with a comma in it; this fails until the key
  // encodes the list unambiguously.
  it.fails('keeps a device id with a comma apart from the two ids around it', () => {
    expect(accessKey(link({ kind: 'devices', deviceIds: ['a,b'] }))).not.toBe(
      accessKey(link({ kind: 'devices', deviceIds: ['a', 'b'] })),
    );
  });
});

describe('scopeSchema', () => {
  it('keeps only the fields of the scope’s kind', () => {
    expect(scopeSchema.parse({ kind: 'fleet', groupId: 'acme', deviceIds: ['a'] })).toEqual({
      kind: 'fleet',
    });
    expect(scopeSchema.parse({ kind: 'group', groupId: 'acme', deviceIds: ['a'] })).toEqual({
      kind: 'group',
      groupId: 'acme',
    });
  });

  it('refuses a scope that names nothing, or too much', () => {
    const refused = [
      {},
      { kind: 'everything' },
      { kind: 'group' },
      { kind: 'group', groupId: '' },
      { kind: 'group', groupId: 'x'.repeat(201) },
      { kind: 'devices', deviceIds: [] },
      { kind: 'devices', deviceIds: [''] },
      { kind: 'devices', deviceIds: 'a' },
      { kind: 'devices', deviceIds: Array.from({ length: MAX_SCOPE_DEVICES + 1 }, (_, i) => `d${i}`) },
    ];
    for (const value of refused)
      expect(scopeSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    const most = Array.from({ length: MAX_SCOPE_DEVICES }, (_, i) => `d${i}`);
    expect(scopeSchema.parse({ kind: 'devices', deviceIds: most })).toEqual({
      kind: 'devices',
      deviceIds: most,
    });
  });
});

describe('isAdmin', () => {
  it('is true for the admin only', () => {
    expect(isAdmin(BREAK_GLASS_ACCESS)).toBe(true);
    expect(isAdmin(link({ kind: 'fleet' }))).toBe(false);
    expect(isAdmin(link({ kind: 'fleet' }, false, { role: 'kiosk' } as Partial<Access>))).toBe(false);
  });
});
