import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ADMIN_STATE, liveUrl } from './support/env';
import { createLink } from './support/links';
import { createPerson } from './support/people';
import { apiRoutes, type ApiRoute } from './support/route-tree';

// Who may call what, as a property of the whole API: every route of app/api (enumerated from the
// route files, so a new one must be placed here before the suite passes) is called by every kind
// of caller, and each answer's status is compared with this table — written by hand from the
// roles the product promises, not read from the code under test.
//
//   public  anyone (health, sign-in, Level's webhooks)
//   read    any person or share link (answers scoped by the server)
//   person  any person signed in; a share link has no account
//   act     technicians and admins (Level actions, settings-free)
//   admin   admins only (settings, users, links, audit, metrics)
//   screen  people and wall links; a viewer link does not send wall heartbeats

type Level = 'public' | 'read' | 'person' | 'act' | 'admin' | 'screen';

const LEVELS: Record<string, Level> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/webhooks/level': 'public',
  'POST /api/auth/login/totp': 'public',
  'GET /api/auth/invite/[token]': 'public',
  'POST /api/auth/invite/[token]': 'public',
  // Single sign-on's two redirects (e2e/oidc.spec.ts).
  'GET /api/auth/oidc/start': 'public',
  'GET /api/auth/oidc/callback': 'public',

  'GET /api/auth/session': 'read',
  'GET /api/fleet/summary': 'read',
  'GET /api/fleet/clients': 'read',
  'GET /api/posture': 'read',
  'GET /api/posture/clients/[id]': 'read',
  'GET /api/groups': 'read',
  'GET /api/devices': 'read',
  'GET /api/devices/[id]': 'read',
  'GET /api/alerts': 'read',
  'GET /api/events': 'read',
  'GET /api/history/fleet': 'read',
  'GET /api/history/changes': 'read',
  'GET /api/history/devices/[id]': 'read',
  'GET /api/history/groups/[id]': 'read',
  'GET /api/wall/problems': 'read',
  'POST /api/wall/heartbeat': 'screen',

  'GET /api/account/sessions': 'person',
  'GET /api/account': 'person',
  'POST /api/account/password': 'person',
  'POST /api/account/totp/start': 'person',
  'POST /api/account/totp/confirm': 'person',
  'POST /api/account/totp/disable': 'person',
  'DELETE /api/account/sessions/[id]': 'person',
  'POST /api/admin/sessions/sign-out-everywhere': 'person',

  'POST /api/fleet/sync': 'act',
  'GET /api/admin/actions/capabilities': 'act',
  'POST /api/admin/alerts/resolve': 'act',
  'POST /api/admin/acknowledgements': 'act',
  'DELETE /api/admin/acknowledgements': 'act',
  'GET /api/admin/automations': 'act',
  'POST /api/admin/automations/[id]/trigger': 'act',
  'PATCH /api/admin/devices/[id]': 'act',
  'POST /api/admin/groups': 'act',
  'PATCH /api/admin/groups/[id]': 'act',
  'DELETE /api/admin/groups/[id]': 'act',
  'POST /api/admin/groups/[id]/devices': 'act',
  'DELETE /api/admin/groups/[id]/devices': 'act',
  'GET /api/admin/tags': 'act',
  'POST /api/admin/tags': 'act',
  'PATCH /api/admin/tags/[id]': 'act',
  'DELETE /api/admin/tags/[id]': 'act',
  'POST /api/admin/tags/[id]/devices': 'act',
  'DELETE /api/admin/tags/[id]/devices': 'act',

  'GET /api/metrics': 'admin',
  'GET /api/admin/audit': 'admin',
  'GET /api/admin/notifications/status': 'admin',
  'GET /api/admin/sessions': 'admin',
  'DELETE /api/admin/sessions/[id]': 'admin',
  'GET /api/admin/settings/level': 'admin',
  'PUT /api/admin/settings/level': 'admin',
  'DELETE /api/admin/settings/level': 'admin',
  'POST /api/admin/settings/level/test': 'admin',
  'GET /api/admin/settings/webhook': 'admin',
  'PUT /api/admin/settings/webhook': 'admin',
  'DELETE /api/admin/settings/webhook': 'admin',
  'GET /api/admin/settings/oidc': 'admin',
  'PUT /api/admin/settings/oidc': 'admin',
  'GET /api/admin/share-links': 'admin',
  'POST /api/admin/share-links': 'admin',
  'PATCH /api/admin/share-links/[id]': 'admin',
  'DELETE /api/admin/share-links/[id]': 'admin',
  'GET /api/admin/walls': 'admin',
  'GET /api/admin/users': 'admin',
  'POST /api/admin/users': 'admin',
  'PATCH /api/admin/users/[id]': 'admin',
  'POST /api/admin/users/[id]/reset': 'admin',
  'POST /api/admin/users/[id]/sessions/end': 'admin',
  'POST /api/admin/break-glass': 'admin',
  'DELETE /api/admin/walls/[id]': 'admin',
  'GET /api/admin/notifications/rules': 'admin',
  'POST /api/admin/notifications/rules': 'admin',
  'PATCH /api/admin/notifications/rules/[id]': 'admin',
  'DELETE /api/admin/notifications/rules/[id]': 'admin',
  'GET /api/admin/notifications/channels': 'admin',
  'POST /api/admin/notifications/channels': 'admin',
  'PATCH /api/admin/notifications/channels/[id]': 'admin',
  'DELETE /api/admin/notifications/channels/[id]': 'admin',
  'POST /api/admin/notifications/channels/[id]/test': 'admin',
  'GET /api/admin/notifications/deliveries': 'admin',
  'GET /api/admin/reports/schedules': 'admin',
  'POST /api/admin/reports/schedules': 'admin',
  'PATCH /api/admin/reports/schedules/[id]': 'admin',
  'DELETE /api/admin/reports/schedules/[id]': 'admin',
  'GET /api/admin/reports/archive': 'admin',
  'GET /api/admin/reports/archive/[id]/pdf': 'admin',
  'POST /api/admin/reports/send': 'admin',
  // Client reports (issue 20): a person within scope reads a client's PDF; anyone else gets 404.
  'GET /api/reports/[clientId]/pdf': 'read',
  'GET /api/admin/reports/branding': 'admin',
  'PUT /api/admin/reports/branding': 'admin',
  'GET /api/admin/reports/clients/[clientId]/settings': 'admin',
  'PUT /api/admin/reports/clients/[clientId]/settings': 'admin',
  'GET /api/reports/availability': 'read',
};

type Caller =
  | 'anonymous'
  | 'admin'
  | 'break-glass'
  | 'technician'
  | 'viewer'
  | 'viewer link'
  | 'wall link'
  | 'report link';
const CALLERS: Caller[] = [
  'anonymous',
  'admin',
  'break-glass',
  'technician',
  'viewer',
  'viewer link',
  'wall link',
  'report link',
];

/** Let through (any answer but 401/403), refused as not signed in (401), or refused (403). */
type Outcome = 'through' | 401 | 403;

function expected(level: Level, caller: Caller): Outcome | null {
  if (level === 'public') return null; // their own specs test what they answer
  // A report link opens its report page and PDF only: to the API it is nobody.
  if (caller === 'anonymous' || caller === 'report link') return 401;
  const person =
    caller === 'admin' || caller === 'break-glass' || caller === 'technician' || caller === 'viewer';
  switch (level) {
    case 'read':
      return 'through';
    case 'screen':
      return caller === 'viewer link' ? 403 : 'through';
    case 'person':
      return person ? 'through' : 403;
    case 'act':
      return caller === 'admin' || caller === 'break-glass' || caller === 'technician' ? 'through' : 403;
    case 'admin':
      return caller === 'admin' || caller === 'break-glass' ? 'through' : 403;
  }
}

/** Ends the caller's own session: called last, so the rest of the matrix keeps its cookies. */
const ENDS_SESSION = new Set(['POST /api/admin/sessions/sign-out-everywhere']);

function adminCookie(): string {
  const state = JSON.parse(readFileSync(ADMIN_STATE, 'utf8')) as {
    cookies: { name: string; value: string }[];
  };
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

async function call(route: ApiRoute, cookie: string | null): Promise<number> {
  const response = await fetch(`${liveUrl}${route.path}`, {
    method: route.method,
    headers: {
      Origin: liveUrl,
      ...(cookie ? { Cookie: cookie } : {}),
      ...(route.method === 'GET' ? {} : { 'Content-Type': 'application/json' }),
    },
    body: route.method === 'GET' ? undefined : '{}',
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  });
  // A stream never ends: its status is all this needs.
  await response.body?.cancel();
  return response.status;
}

test.describe('roles × routes', () => {
  test.describe.configure({ timeout: 240_000 });

  test('every route answers every kind of caller as the roles promise (enumerated from app/api)', async ({
    request: admin,
  }) => {
    const routes = apiRoutes();
    const keys = routes.map((route) => `${route.method} ${route.template}`);
    expect(
      keys.filter((key) => !(key in LEVELS)),
      'routes this table does not place',
    ).toEqual([]);
    expect(
      Object.keys(LEVELS).filter((key) => !keys.includes(key)),
      'table rows with no route',
    ).toEqual([]);

    const people = {
      admin: await createPerson(admin, liveUrl, { role: 'admin' }),
      technician: await createPerson(admin, liveUrl, { role: 'technician' }),
      viewer: await createPerson(admin, liveUrl, { role: 'viewer' }),
    };
    const viewerLink = await createLink(admin, { name: 'matrix viewer' }, liveUrl);
    const wallLink = await createLink(admin, { name: 'matrix wall', kind: 'wall' }, liveUrl);
    const client = (
      (await (await admin.get(`${liveUrl}/api/fleet/clients`)).json()) as { clients: { id: string }[] }
    ).clients[0];
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1));
    const reportLink = await createLink(
      admin,
      {
        name: 'matrix report',
        kind: 'report',
        scope: { kind: 'group', groupId: client?.id },
        reportMonth: lastMonth.toISOString().slice(0, 7),
      },
      liveUrl,
    );
    const opened = async (token: string) => {
      const response = await fetch(`${liveUrl}/s/${token}`, { redirect: 'manual' });
      expect(response.status).toBe(303);
      return (response.headers.getSetCookie?.() ?? []).map((cookie) => cookie.split(';')[0]).join('; ');
    };
    const cookies: Record<Caller, string | null> = {
      anonymous: null,
      admin: people.admin.cookie,
      'break-glass': adminCookie(),
      technician: people.technician.cookie,
      viewer: people.viewer.cookie,
      'viewer link': await opened(viewerLink.token),
      'wall link': await opened(wallLink.token),
      'report link': await opened(reportLink.token),
    };

    const ordered = [
      ...routes.filter((route) => !ENDS_SESSION.has(`${route.method} ${route.template}`)),
      ...routes.filter((route) => ENDS_SESSION.has(`${route.method} ${route.template}`)),
    ];
    const wrong: string[] = [];
    let checks = 0;
    for (const caller of CALLERS) {
      // The break-glass admin's own session is the suite's: it must not sign itself out here.
      for (const route of ordered) {
        const key = `${route.method} ${route.template}`;
        const want = expected(LEVELS[key] ?? 'public', caller);
        if (want === null) continue;
        if (caller === 'break-glass' && ENDS_SESSION.has(key)) continue;
        const status = await call(route, cookies[caller]);
        checks += 1;
        const got: Outcome = status === 401 || status === 403 ? status : 'through';
        if (got !== want || status >= 500) wrong.push(`${caller}: ${key} → ${status} (want ${want})`);
      }
    }
    console.log(
      `roles × routes: ${routes.length} routes × ${CALLERS.length} callers, ${checks} checks, ${wrong.length} wrong`,
    );
    expect(wrong).toEqual([]);
    expect(checks).toBeGreaterThan(routes.length * 5);
  });
});
