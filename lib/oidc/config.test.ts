import { OidcConfigSource, readOidcSettings, storeClientSecret, writeOidcSettings } from '@/lib/oidc/config';
import { processWide } from '@/lib/process-wide';
import { ENGINES, openTestStore } from '@/testing/stores';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Where OIDC's settings come from: Settings fills what the environment leaves open, a variable
// that is set wins, the client secret is sealed at rest, and another replica's change is seen
// within the cache's second.

// The vault's key derives from the session secret: this process's, set as lib/auth/secrets.ts keeps it.
processWide('secrets', () => ({
  sessionSecret: 'a-session-secret-of-at-least-32-characters',
  adminPassword: 'not-used-here',
}));

describe.each(ENGINES)('OIDC settings on %s', (engine) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  beforeAll(async () => {
    store = await openTestStore(engine);
  });
  afterAll(() => store.close());

  it('merges environment over Settings over defaults, and seals the secret', async () => {
    await writeOidcSettings(store, {
      issuer: 'https://idp.example.com',
      clientId: 'from-settings',
      roleMap: 'Ops=technician',
      defaultRole: 'viewer',
    });
    await storeClientSecret(store, 'settings-secret-value');
    const sealed = await store.db
      .selectFrom('key_values')
      .select('value')
      .where('key', '=', 'oidc.client-secret')
      .executeTakeFirstOrThrow();
    expect(sealed.value).not.toContain('settings-secret-value');

    let now = 0;
    const source = new OidcConfigSource(store, { clientId: 'from-env' }, () => now);
    const config = await source.current();
    expect(config).toMatchObject({
      issuer: 'https://idp.example.com',
      clientId: 'from-env',
      clientSecret: 'settings-secret-value',
      providerName: 'SSO',
      roleClaim: 'roles',
      scopeClaim: 'groups',
      defaultRole: 'viewer',
    });
    expect([...config!.roleMap]).toEqual([['Ops', 'technician']]);

    // Another replica removes the issuer: seen once the second has passed.
    await writeOidcSettings(store, { clientId: 'from-settings' });
    expect(await source.current()).not.toBeNull();
    now += 1_000;
    expect(await source.current()).toBeNull();
    expect(await readOidcSettings(store)).toEqual({ clientId: 'from-settings' });
  });
});
