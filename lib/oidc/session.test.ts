import { accessFromCookies } from '@/lib/auth/access';
import { startPersonSession } from '@/lib/auth/person-sessions';
import { parseRoleMap } from '@/lib/config/oidc-env';
import { OidcFlow } from '@/lib/oidc/flow';
import { usersChanged } from '@/lib/users/directory';
import { cookieValue, signInAtProvider } from '@/testing/oidc-browser';
import { startTestProvider, type TestProvider } from '@/testing/oidc-provider';
import { cookieHeaderOf, useTestAuth, type TestAuth } from '@/testing/sessions';
import { afterAll, beforeAll, expect, it } from 'vitest';

// The session an OIDC sign-in ends with is a real person session: its cookie opens the access the
// provider's claims mapped to, and a person disabled afterwards is out at the next request.

const ORIGIN = 'http://levelboard.test';
const CALLBACK = `${ORIGIN}/api/auth/oidc/callback`;
let auth: TestAuth;
let provider: TestProvider;

beforeAll(async () => {
  auth = await useTestAuth();
  provider = await startTestProvider({
    redirectUris: [CALLBACK],
    accounts: { tech: { email: 'tess@msp.example', name: 'Tess', roles: 'technician', groups: ['Acme'] } },
  });
});
afterAll(async () => {
  await provider?.close();
  await auth?.close();
});

it('signs in to a real person session with the mapped role and scope', async () => {
  const roleMap = parseRoleMap('');
  if (!roleMap.ok) throw new Error(roleMap.problem);
  const flow = new OidcFlow({
    store: auth.store,
    config: async () => ({
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      providerName: 'Test',
      roleClaim: 'roles',
      roleMap: roleMap.map,
      scopeClaim: 'groups',
      defaultRole: 'refuse',
    }),
    groups: () => new Map([['g-acme', { id: 'g-acme', name: 'Acme', path: ['Acme'] }]]),
    startSession: startPersonSession,
    usersChanged,
    sealPassword: () => 'a-test-seal-password-of-at-least-32-characters',
    secureCookies: () => false,
  });
  const started = await flow.start({ origin: ORIGIN, returnTo: '/', ip: null });
  const back = await signInAtProvider(started.location, 'tech', CALLBACK);
  const result = await flow.callback({
    search: new URL(back).search,
    transactionCookie: cookieValue(started.cookie),
    ip: '192.0.2.1',
    userAgent: 'vitest',
  });
  expect(result.location).toBe('/');
  const cookie = cookieHeaderOf(result.cookie);
  const { access } = await accessFromCookies(cookie);
  expect(access).toMatchObject({
    via: 'person',
    role: 'technician',
    person: { name: 'Tess', email: 'tess@msp.example' },
    scope: { kind: 'groups', groupIds: ['g-acme'] },
  });
  const row = await auth.store.db.selectFrom('user_sessions').selectAll().executeTakeFirstOrThrow();
  expect(row).toMatchObject({ method: 'oidc', ip: '192.0.2.1', user_agent: 'vitest' });

  await auth.store.db.updateTable('users').set({ disabled_at: Date.now() }).execute();
  usersChanged();
  expect((await accessFromCookies(cookie)).access).toBeNull();
});
