import type { Route } from '@/lib/api/handler';
import { accessFromCookies, stillOpens } from '@/lib/auth/access';
import { revokeShareLink } from '@/lib/auth/share-links';
import { markReady } from '@/lib/readiness';
import { openReportLink } from '@/lib/reports/report-link';
import { apiRequest } from '@/testing/api-request';
import { useTestAuth, type TestAuth } from '@/testing/sessions';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A report link opens its one report (app/report-link) and nothing else. Every route of the API,
// asked by a report link's session, answers exactly what it answers a revoked viewer link of the
// same client — byte for byte, status and body — so the report link reads nothing and cannot even
// tell a route from another.

let auth: TestAuth;
let reportCookie: string;
let revokedCookie: string;

const MONTH = { start: Date.parse('2026-11-01T00:00:00Z'), end: Date.parse('2026-12-01T00:00:00Z') };

beforeAll(async () => {
  auth = await useTestAuth();
  markReady();
  const report = await auth.createLink({
    kind: 'report',
    scope: { kind: 'group', groupId: 'c1' },
    expiresAt: Date.now() + 86_400_000,
    reportPeriod: MONTH,
  });
  const revoked = await auth.createLink({
    kind: 'viewer',
    scope: { kind: 'group', groupId: 'c1' },
    expiresAt: Date.now() + 86_400_000,
  });
  await revokeShareLink(auth.store, revoked.id);
  reportCookie = await auth.linkCookie(report.id);
  revokedCookie = await auth.linkCookie(revoked.id);
});
afterAll(() => auth.close());

/** Every Route exported by lib/api/routes (what app/api's route files re-export). */
async function allRoutes(): Promise<Array<{ name: string; route: Route }>> {
  const root = path.resolve('lib/api/routes');
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) return walk(full);
      return entry.endsWith('.ts') && !entry.endsWith('.test.ts') ? [full] : [];
    });
  })(root);
  const found: Array<{ name: string; route: Route }> = [];
  for (const file of files) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      const candidate = value as Partial<Route> | null;
      if (candidate && typeof candidate.handle === 'function' && typeof candidate.access === 'string')
        found.push({ name: `${path.relative(root, file)}:${name}`, route: candidate as Route });
    }
  }
  return found;
}

/** How many routes app/api exposes that are not public (from the route files' exports). */
function appRouteExports(): number {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const full = path.join(dir, entry);
      return statSync(full).isDirectory() ? walk(full) : entry === 'route.ts' ? [full] : [];
    });
  return walk(path.resolve('app/api')).reduce(
    (sum, file) =>
      sum + [...readFileSync(file, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].length,
    0,
  );
}

describe('a report link', () => {
  it('is nobody to access control, exactly as a revoked link is', async () => {
    expect(await accessFromCookies(reportCookie)).toEqual({ access: null, setCookie: null });
    expect(await accessFromCookies(revokedCookie)).toEqual({ access: null, setCookie: null });
    expect(await stillOpens(reportCookie)).toBe(false);
    // Its own page is the one reader that accepts it.
    expect(await openReportLink(reportCookie)).toMatchObject({ clientId: 'c1', period: MONTH });
    expect(await openReportLink(revokedCookie)).toBeNull();
  });

  it('gets from every route of the API what a revoked link gets', async () => {
    const routes = await allRoutes();
    const guarded = routes.filter(({ route }) => route.access !== 'public');
    // The scan covers the API: every route file's method is one of the routes found.
    expect(routes.length).toBeGreaterThanOrEqual(appRouteExports() - 5);
    expect(guarded.map(({ name }) => name)).toEqual(
      expect.arrayContaining([
        'admin/report-archive.ts:reportArchivePdfRoute',
        'admin/report-archive.ts:listReportArchiveRoute',
        'admin/report-schedules.ts:listReportSchedulesRoute',
      ]),
    );
    for (const { name, route } of guarded) {
      for (const method of ['GET', 'POST']) {
        const ask = async (cookie: string) => {
          const result = await route.handle(
            apiRequest({
              method,
              path: '/api/anything?clientId=c1',
              headers: { cookie, origin: 'http://levelboard.test', host: 'levelboard.test' },
              body: method === 'POST' ? '{}' : '',
            }),
            { id: 'c1' },
          );
          return { status: result.status, body: String(result.body ?? '') };
        };
        const report = await ask(reportCookie);
        expect(report, `${method} ${name}`).toEqual(await ask(revokedCookie));
        expect(report.status, `${method} ${name}`).toBe(401);
      }
    }
  });
});
