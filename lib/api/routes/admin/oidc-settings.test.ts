import { oidcSettingsRoute, setOidcSettingsRoute } from '@/lib/api/routes/admin/oidc-settings';
import { markReady } from '@/lib/readiness';
import { apiRequest } from '@/testing/api-request';
import { insertPerson } from '@/testing/people';
import { useTestAuth, type TestAuth } from '@/testing/sessions';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Settings → Single sign-on through its routes: admins only, the secret write-only (never in an
// answer or the audit log), a bad role map refused with the reason.

let auth: TestAuth;
let cookie: string;
beforeAll(async () => {
  auth = await useTestAuth();
  markReady();
  cookie = await auth.adminCookie();
});
afterAll(() => auth.close());

const put = (body: unknown, as = cookie) =>
  setOidcSettingsRoute.handle(
    apiRequest({
      method: 'PUT',
      path: '/api/admin/settings/oidc',
      headers: {
        cookie: as,
        origin: 'http://levelboard.test',
        host: 'levelboard.test',
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    }),
  );
const get = async (as = cookie) => {
  const result = await oidcSettingsRoute.handle(
    apiRequest({ path: '/api/admin/settings/oidc', headers: { cookie: as } }),
  );
  return { status: result.status, body: JSON.parse(String(result.body)) as Record<string, unknown> };
};

it('saves the settings, keeps the secret write-only and audits without it', async () => {
  const settings = {
    issuer: 'https://login.example.com/tenant/v2.0',
    clientId: 'levelboard',
    providerName: 'Example',
    roleClaim: 'roles',
    roleMap: 'Levelboard.Admin=admin',
    scopeClaim: '',
    defaultRole: 'viewer',
  };
  expect((await put({ settings, clientSecret: 'the-client-secret-value' })).status).toBe(200);
  const { status, body } = await get();
  expect(status).toBe(200);
  expect(body).toMatchObject({ secretSet: true, configured: true, fromEnv: [], localSignIn: 'on' });
  expect(body.settings).toEqual({ ...settings, scopeClaim: '' });
  const everything =
    JSON.stringify(body) + JSON.stringify(await auth.store.db.selectFrom('audit_log').selectAll().execute());
  expect(everything).not.toContain('the-client-secret-value');

  // Removing the secret: a public client from then on.
  expect((await put({ settings, clientSecret: null })).status).toBe(200);
  expect((await get()).body.secretSet).toBe(false);
});

it('refuses a role map that maps to no role, and anyone but an admin', async () => {
  const bad = await put({ settings: { roleMap: 'Ops=root' } });
  expect(bad.status).toBe(400);
  expect(String(bad.body)).toContain('the role must be admin, technician or viewer');
  const tech = await insertPerson(auth.store, { role: 'technician' });
  const techCookie = await auth.personCookie(tech.id);
  expect((await get(techCookie)).status).toBe(403);
  expect((await put({ settings: {} }, techCookie)).status).toBe(403);
});
