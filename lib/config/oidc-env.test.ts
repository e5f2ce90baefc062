import { parseEnv } from '@/lib/config/env-schema';
import { parseRoleMap } from '@/lib/config/oidc-env';
import { describe, expect, it } from 'vitest';

const problems = (env: Record<string, string>) => {
  const result = parseEnv(env);
  return result.ok ? [] : result.problems;
};

describe('OIDC variables', () => {
  it('accepts a full configuration and leaves unset variables to Settings', () => {
    const result = parseEnv({
      OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
      OIDC_CLIENT_ID: 'abc',
      OIDC_CLIENT_SECRET: 's3cret-value',
      OIDC_ROLE_MAP: 'Levelboard.Admin=admin, Levelboard.Technician=technician',
      OIDC_DEFAULT_ROLE: 'viewer',
      OIDC_LOCAL_SIGN_IN: 'off',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env.OIDC_ISSUER).toBe('https://login.microsoftonline.com/tenant/v2.0');
    expect(result.env.OIDC_ROLE_CLAIM).toBeUndefined();
    expect(result.env.OIDC_LOCAL_SIGN_IN).toBe('off');
    expect(
      parseEnv({}).ok && (parseEnv({}) as { env: { OIDC_LOCAL_SIGN_IN: string } }).env.OIDC_LOCAL_SIGN_IN,
    ).toBe('on');
  });

  it('names the wrong variable, and never echoes the client secret', () => {
    expect(problems({ OIDC_DEFAULT_ROLE: 'admin' })).toEqual([
      'OIDC_DEFAULT_ROLE must be viewer, technician or refuse',
    ]);
    expect(problems({ OIDC_LOCAL_SIGN_IN: 'no' })).toEqual(['OIDC_LOCAL_SIGN_IN must be on or off']);
    expect(problems({ OIDC_ROLE_MAP: 'Ops=superuser' })[0]).toMatch(
      /^OIDC_ROLE_MAP maps "Ops" to "superuser"/,
    );
    expect(problems({ OIDC_ISSUER: 'http://idp.example.com', OIDC_CLIENT_ID: 'x' })).toEqual([
      'OIDC_ISSUER must use https:// (plain http only on localhost)',
    ]);
    expect(problems({ OIDC_ISSUER: 'https://idp.example.com' })).toEqual([
      'OIDC_CLIENT_ID is required with OIDC_ISSUER',
    ]);
    expect(problems({ OIDC_ROLE_CLAIM: 'two words' })[0]).toMatch(/^OIDC_ROLE_CLAIM /);
    const secretProblem = problems({ OIDC_CLIENT_SECRET: ' ', OIDC_ROLE_CLAIM: 'a b', LOG_LEVEL: 'x' });
    expect(secretProblem.join('\n')).not.toContain('a b');
  });

  it('parses a role map: value=role pairs, blank entries skipped', () => {
    const parsed = parseRoleMap('A=admin,, B = viewer ,x=y=technician');
    expect(parsed.ok && [...parsed.map]).toEqual([
      ['A', 'admin'],
      ['B', 'viewer'],
      ['x=y', 'technician'],
    ]);
    expect(parseRoleMap('=admin').ok).toBe(false);
  });
});
