import { parseRoleMap, type OidcDefaultRole } from '@/lib/config/oidc-env';
import type { Store } from '@/lib/db/open';
import type { OidcConfig } from '@/lib/oidc/config';
import { OidcFlow, type OidcFlowDeps } from '@/lib/oidc/flow';
import { cookieValue, signInAtProvider } from '@/testing/oidc-browser';
import { startTestProvider, type TestProvider } from '@/testing/oidc-provider';
import { ENGINES, openTestStore } from '@/testing/stores';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// The whole authorization-code flow against a real OpenID provider on loopback (oidc-provider):
// Levelboard's start, the provider's sign-in page, the provider's redirect back, the code
// exchange and the ID token's validation by openid-client, and what lands in `users`.

const ORIGIN = 'http://levelboard.test';
const CALLBACK = `${ORIGIN}/api/auth/oidc/callback`;
const SEAL = 'a-test-seal-password-of-at-least-32-characters';

const GROUPS = new Map(
  [
    { id: 'g-acme', name: 'Acme', path: ['Acme'] },
    { id: 'g-acme-servers', name: 'Servers', path: ['Acme', 'Servers'] },
    { id: 'g-globex', name: 'Globex', path: ['Globex'] },
    { id: 'g-globex-servers', name: 'Servers', path: ['Globex', 'Servers'] },
  ].map((group) => [group.id, group]),
);

const ACCOUNTS = {
  tech: {
    email: 'tech@msp.example',
    name: 'Tess Technician',
    roles: ['Levelboard.Technician'],
    groups: ['Acme'],
  },
  boss: {
    email: 'boss@msp.example',
    name: 'Bo Boss',
    roles: ['Levelboard.Admin', 'Levelboard.Technician'],
    groups: [],
  },
  nobody: { email: 'nobody@msp.example', name: 'No Role', groups: ['Acme'] },
  lost: {
    email: 'lost@msp.example',
    name: 'Lost Scope',
    roles: 'technician',
    groups: ['Servers', 'Nowhere'],
  },
};

interface Harness {
  flow: OidcFlow;
  sessions: { userId: string; method: string; ip: string | null; userAgent: string | null }[];
}

describe.each(ENGINES)('OIDC sign-in against a real provider, on %s', (engine) => {
  let store: Store & { close(): Promise<void> };
  let provider: TestProvider;
  let other: TestProvider;

  beforeAll(async () => {
    store = await openTestStore(engine);
    provider = await startTestProvider({ redirectUris: [CALLBACK], accounts: ACCOUNTS });
    // A second, genuine provider that knows the same client: the wrong issuer.
    other = await startTestProvider({ redirectUris: [CALLBACK], accounts: ACCOUNTS });
  });
  afterAll(async () => {
    await provider?.close();
    await other?.close();
    await store?.close();
  });
  beforeEach(async () => {
    await store.db.deleteFrom('users').execute();
    await store.db.deleteFrom('audit_log').execute();
  });

  function config(overrides: Partial<OidcConfig> = {}, defaultRole: OidcDefaultRole = 'refuse'): OidcConfig {
    const map = parseRoleMap('Levelboard.Admin=admin,Levelboard.Technician=technician');
    if (!map.ok) throw new Error(map.problem);
    return {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      providerName: 'Test IdP',
      roleClaim: 'roles',
      roleMap: map.map,
      scopeClaim: 'groups',
      defaultRole,
      ...overrides,
    };
  }

  function harness(settings: OidcConfig | null = config(), extra: Partial<OidcFlowDeps> = {}): Harness {
    const sessions: Harness['sessions'] = [];
    const flow = new OidcFlow({
      store,
      config: async () => settings,
      groups: () => GROUPS,
      startSession: async (input) => {
        sessions.push(input);
        return `levelboard_session=for-${input.userId}; Path=/; HttpOnly`;
      },
      usersChanged: () => {},
      sealPassword: () => SEAL,
      secureCookies: () => false,
      ...extra,
    });
    return { flow, sessions };
  }

  /** Start at Levelboard, sign in at the provider, and hand the callback back to Levelboard. */
  async function signIn(h: Harness, account: string, returnTo: string | null = '/devices?x=1') {
    const started = await h.flow.start({ origin: ORIGIN, returnTo, ip: '192.0.2.7' });
    const back = await signInAtProvider(started.location, account, CALLBACK);
    const input = {
      search: new URL(back).search,
      transactionCookie: cookieValue(started.cookie),
      ip: '192.0.2.7',
      userAgent: 'vitest',
    };
    return { started, back, input, result: await h.flow.callback(input) };
  }

  const audits = () =>
    store.db.selectFrom('audit_log').select(['actor', 'action', 'result', 'detail']).orderBy('id').execute();

  it('signs a technician in: PKCE and state at the provider, user created with the mapped role and scope', async () => {
    const h = harness();
    const { started, back, result } = await signIn(h, 'tech');
    const authorization = new URL(started.location);
    expect(authorization.origin).toBe(provider.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('state')).toBeTruthy();
    expect(authorization.searchParams.get('nonce')).toBeTruthy();
    expect(authorization.searchParams.get('redirect_uri')).toBe(CALLBACK);
    expect(started.cookie).toMatch(
      /^levelboard_oidc=.+; Path=\/api\/auth\/oidc; HttpOnly; SameSite=Lax; Max-Age=600$/,
    );
    // The sealed cookie reveals neither the state nor the verifier.
    expect(started.cookie).not.toContain(authorization.searchParams.get('state'));
    expect(new URL(back).searchParams.get('code')).toBeTruthy();

    expect(result.location).toBe('/devices?x=1');
    const user = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      email: 'tech@msp.example',
      name: 'Tess Technician',
      role: 'technician',
      oidc_issuer: provider.issuer,
      oidc_subject: 'tech',
      password_hash: null,
    });
    expect(JSON.parse(user.scope)).toEqual({ kind: 'groups', groupIds: ['g-acme'] });
    expect(h.sessions).toEqual([{ userId: user.id, method: 'oidc', ip: '192.0.2.7', userAgent: 'vitest' }]);
    expect(result.cookie).toContain(`for-${user.id}`);
    const entry = (await audits())[0]!;
    expect(entry).toMatchObject({
      action: 'login.oidc',
      result: 'ok',
      actor: 'Tess Technician <tech@msp.example>',
    });
  });

  it('refreshes role and scope from the claims at every sign-in, and keeps one row per identity', async () => {
    const h = harness();
    await signIn(h, 'tech');
    provider.setAccount('tech', { ...ACCOUNTS.tech, roles: ['viewer'], groups: ['Globex', 'Acme/Servers'] });
    try {
      const { result } = await signIn(h, 'tech');
      expect(result.location).toBe('/devices?x=1');
      const users = await store.db.selectFrom('users').selectAll().execute();
      expect(users).toHaveLength(1);
      expect(users[0]!.role).toBe('viewer');
      expect(JSON.parse(users[0]!.scope)).toEqual({
        kind: 'groups',
        groupIds: ['g-acme-servers', 'g-globex'],
      });
    } finally {
      provider.setAccount('tech', ACCOUNTS.tech);
    }
  });

  it('makes an admin fleet-wide whatever the scope claim says, the highest mapped role winning', async () => {
    const { result } = await signIn(harness(), 'boss');
    expect(result.location).toBe('/devices?x=1');
    const user = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user.role).toBe('admin');
    expect(JSON.parse(user.scope)).toEqual({ kind: 'fleet' });
  });

  it('refuses an unknown user with no mapped role when the default is refuse, and creates nobody', async () => {
    const h = harness();
    const { result } = await signIn(h, 'nobody');
    expect(result.location).toBe('/login?error=refused');
    expect(result.cookie).toMatch(/^levelboard_oidc=; .*Max-Age=0/);
    expect(await store.db.selectFrom('users').selectAll().execute()).toHaveLength(0);
    expect(h.sessions).toHaveLength(0);
    const entry = (await audits())[0]!;
    expect(entry).toMatchObject({ action: 'login.oidc', result: 'denied', actor: 'anonymous' });
    expect(JSON.parse(entry.detail!)).toMatchObject({ reason: 'refused' });
  });

  it('gives the default role when one is set, scoped by the claim', async () => {
    const { result } = await signIn(harness(config({}, 'viewer')), 'nobody');
    expect(result.location).toBe('/devices?x=1');
    const user = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user.role).toBe('viewer');
    expect(JSON.parse(user.scope)).toEqual({ kind: 'groups', groupIds: ['g-acme'] });
  });

  it('refuses a technician whose scope names no group of the fleet (an ambiguous name opens none)', async () => {
    const { result } = await signIn(harness(), 'lost');
    expect(result.location).toBe('/login?error=no_scope');
    expect(await store.db.selectFrom('users').selectAll().execute()).toHaveLength(0);
  });

  it('refuses a disabled user', async () => {
    const h = harness();
    await signIn(h, 'tech');
    await store.db.updateTable('users').set({ disabled_at: Date.now() }).execute();
    const { result } = await signIn(h, 'tech');
    expect(result.location).toBe('/login?error=disabled');
    expect(h.sessions).toHaveLength(1);
  });

  it('refuses a wrong state, and a callback without the cookie of its start', async () => {
    const h = harness();
    const started = await h.flow.start({ origin: ORIGIN, returnTo: '/', ip: null });
    const back = new URL(await signInAtProvider(started.location, 'tech', CALLBACK));
    const tampered = new URLSearchParams(back.search);
    tampered.set('state', 'not-the-state-of-this-sign-in');
    const base = { ip: null, userAgent: null };
    const wrong = await h.flow.callback({
      ...base,
      search: `?${tampered}`,
      transactionCookie: cookieValue(started.cookie),
    });
    expect(wrong.location).toBe('/login?error=state');
    const missing = await h.flow.callback({ ...base, search: back.search, transactionCookie: undefined });
    expect(missing.location).toBe('/login?error=state');
    const forged = await h.flow.callback({
      ...base,
      search: back.search,
      transactionCookie: 'Fe26.2**forged',
    });
    expect(forged.location).toBe('/login?error=state');
    expect(h.sessions).toHaveLength(0);
    expect((await audits()).map((entry) => entry.result)).toEqual(['failed', 'failed', 'failed']);
  });

  it('refuses a replayed code: the provider accepts each code once', async () => {
    const h = harness();
    const first = await signIn(h, 'tech');
    expect(first.result.location).toBe('/devices?x=1');
    const again = await h.flow.callback(first.input);
    expect(again.location).toBe('/login?error=code');
    expect(h.sessions).toHaveLength(1);
  });

  it('refuses an answer from another issuer (mix-up): the code and the iss parameter are the other provider’s', async () => {
    const h = harness();
    const started = await h.flow.start({ origin: ORIGIN, returnTo: '/', ip: null });
    // The browser is sent to another, real provider with the same request (an attacker's mix-up).
    const forOther = new URL(started.location);
    const rerouted = `${other.issuer}${forOther.pathname}${forOther.search}`;
    const back = new URL(await signInAtProvider(rerouted, 'tech', CALLBACK));
    expect(back.searchParams.get('iss')).toBe(other.issuer);
    const result = await h.flow.callback({
      search: back.search,
      transactionCookie: cookieValue(started.cookie),
      ip: null,
      userAgent: null,
    });
    expect(result.location).toBe('/login?error=issuer');
    expect(h.sessions).toHaveLength(0);
  });

  it('refuses an expired ID token (this server’s clock two hours past the token’s one-hour life)', async () => {
    const h = harness(config(), { client: { clockSkewSeconds: 2 * 3600 } });
    const { result } = await signIn(h, 'tech');
    expect(result.location).toBe('/login?error=expired');
    expect(h.sessions).toHaveLength(0);
  });

  it('ends on a readable reason when the provider cannot be reached, or OIDC is not configured', async () => {
    const down = harness(config({ issuer: 'http://127.0.0.1:9' }));
    const started = await down.flow.start({ origin: ORIGIN, returnTo: '/', ip: null });
    expect(started.location).toBe('/login?error=unreachable');
    const entry = (await audits())[0]!;
    expect(JSON.parse(entry.detail!)).toMatchObject({ reason: 'unreachable', step: 'start' });
    const none = harness(null);
    expect((await none.flow.start({ origin: ORIGIN, returnTo: '/', ip: null })).location).toBe(
      '/login?error=not_configured',
    );
  });

  it('never returns to another origin after sign-in', async () => {
    for (const returnTo of [
      '//evil.example/x',
      'https://evil.example/',
      '/\\evil.example',
      '/api/auth/logout',
    ]) {
      const { result } = await signIn(harness(), 'tech', returnTo);
      expect(result.location).toBe('/');
    }
  });

  it('writes no token, code or client secret to the audit log', async () => {
    const h = harness();
    const { back } = await signIn(h, 'tech');
    await h.flow.callback({
      search: new URL(back).search,
      transactionCookie: undefined,
      ip: null,
      userAgent: null,
    });
    const text = JSON.stringify(await audits());
    expect(text).not.toContain(new URL(back).searchParams.get('code'));
    expect(text).not.toContain(provider.clientSecret);
  });
});
