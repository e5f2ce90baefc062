import type { Route } from '@/lib/api/handler';
import { availabilityRoute } from '@/lib/api/routes/reports/availability';
import {
  getClientReportSettingsRoute,
  putClientReportSettingsRoute,
} from '@/lib/api/routes/reports/client-settings';
import type { AvailabilityResponse, ClientReportSettingsResponse } from '@/lib/domain/availability-view';
import { DEFAULT_CLIENT_REPORT_SETTINGS } from '@/lib/domain/report-settings';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { processWide } from '@/lib/process-wide';
import { markReady } from '@/lib/readiness';
import { apiRequest } from '@/testing/api-request';
import { startFleetHarness, type FleetHarness } from '@/testing/fleet-harness';
import { insertPerson } from '@/testing/people';
import { deviceWithOutages, seedReportHistory } from '@/testing/report-history';
import { useTestAuth, type TestAuth } from '@/testing/sessions';
import { afterAll, beforeAll, expect, it } from 'vitest';

// The availability and client-settings routes against a real fleet (the simulator over HTTP):
// admins only for settings, scope enforced for availability (another client is the same 404 as
// an unknown one), bad input refused with the reason, every change audited.

let auth: TestAuth;
let harness: FleetHarness;
let snapshot: FleetSnapshot;
let admin: string;
let scoped: string;
let redactedLink: string;
let clientA: string;
let clientB: string;

beforeAll(async () => {
  auth = await useTestAuth();
  markReady();
  harness = await startFleetHarness({ devices: 120 });
  snapshot = (await harness.service.syncNow())!;
  // The route reads the process's fleet runtime; only `service` is used by readFleet.
  (processWide('fleet', () => ({})) as { runtime?: unknown }).runtime = { service: harness.service };
  [clientA, clientB] = snapshot.clientIds as [string, string];
  admin = await auth.adminCookie();
  const viewer = await insertPerson(auth.store, {
    role: 'viewer',
    scope: { kind: 'groups', groupIds: [clientA] },
  });
  scoped = await auth.personCookie(viewer.id);
  const link = await auth.createLink({ scope: { kind: 'group', groupId: clientA }, redact: true });
  redactedLink = await auth.linkCookie(link.id);
}, 60_000);
afterAll(async () => {
  await harness.close();
  await auth.close();
});

async function call(route: Route, method: string, path: string, as: string, params = {}, body?: unknown) {
  const result = await route.handle(
    apiRequest({
      method,
      path,
      headers: {
        cookie: as,
        origin: 'http://levelboard.test',
        host: 'levelboard.test',
        'content-type': 'application/json',
      },
      body: body === undefined ? '' : JSON.stringify(body),
    }),
    params,
  );
  return { status: result.status, body: JSON.parse(String(result.body)) as Record<string, unknown> };
}

const settingsPath = (id: string) => `/api/admin/reports/clients/${id}/settings`;

it('reads the defaults, saves valid settings with an audit entry, refuses bad ones with the reason', async () => {
  const first = await call(getClientReportSettingsRoute, 'GET', settingsPath(clientA), admin, {
    clientId: clientA,
  });
  expect(first.status).toBe(200);
  expect((first.body as unknown as ClientReportSettingsResponse).settings).toEqual(
    DEFAULT_CLIENT_REPORT_SETTINGS,
  );

  const wanted = {
    ...DEFAULT_CLIENT_REPORT_SETTINGS,
    timeZone: 'Europe/Berlin',
    slaTargets: { serversPct: 99.5, workstationsPct: 98 },
    contacts: ['it@client.example'],
  };
  const saved = await call(
    putClientReportSettingsRoute,
    'PUT',
    settingsPath(clientA),
    admin,
    { clientId: clientA },
    wanted,
  );
  expect(saved.status).toBe(200);
  const again = await call(getClientReportSettingsRoute, 'GET', settingsPath(clientA), admin, {
    clientId: clientA,
  });
  expect((again.body as unknown as ClientReportSettingsResponse).settings).toEqual(wanted);
  const audit = await auth.store.db
    .selectFrom('audit_log')
    .select(['action', 'target', 'result'])
    .where('action', '=', 'client_report_settings.update')
    .execute();
  expect(audit).toEqual([{ action: 'client_report_settings.update', target: clientA, result: 'ok' }]);

  for (const [bad, field] of [
    [{ ...wanted, timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ ...wanted, businessHours: { days: [8], from: '08:00', to: '18:00' } }, 'businessHours.days.0'],
    [{ ...wanted, slaTargets: { serversPct: 101, workstationsPct: null } }, 'slaTargets.serversPct'],
    [{ ...wanted, contacts: ['not an address'] }, 'contacts.0'],
    [{ ...wanted, surprise: true }, 'body'],
  ] as const) {
    const refused = await call(
      putClientReportSettingsRoute,
      'PUT',
      settingsPath(clientA),
      admin,
      { clientId: clientA },
      bad,
    );
    expect(refused.status, JSON.stringify(bad)).toBe(400);
    expect(JSON.stringify(refused.body)).toContain(field === 'body' ? 'surprise' : field);
  }
});

it('answers 404 for an unknown client or a group below a client, 403 for a non-admin', async () => {
  const unknown = await call(getClientReportSettingsRoute, 'GET', settingsPath('nope'), admin, {
    clientId: 'nope',
  });
  expect(unknown.status).toBe(404);
  const child = snapshot.groupNodes.get(clientA)?.childIds[0];
  if (child) {
    const below = await call(
      putClientReportSettingsRoute,
      'PUT',
      settingsPath(child),
      admin,
      { clientId: child },
      {},
    );
    expect(below.status).toBe(404);
  }
  const viewer = await call(getClientReportSettingsRoute, 'GET', settingsPath(clientA), scoped, {
    clientId: clientA,
  });
  expect(viewer.status).toBe(403);
});

it('gives a scoped person their client and the same 404 for another client as for an unknown one', async () => {
  // Seed one outage on a device of client A: Levelboard watched the whole window.
  const devices = (snapshot.subtreeDevices.get(clientA) ?? []).map((index) => snapshot.devices[index]!);
  const from = Date.UTC(2026, 0, 5);
  const to = Date.UTC(2026, 0, 6);
  await seedReportHistory(auth.store, {
    devices: [
      deviceWithOutages(devices[0]!.id, from - 86_400_000, [
        { start: from + 3_600_000, end: from + 2 * 3_600_000 },
      ]),
    ],
    coverage: { from: from - 86_400_000, to },
  });
  const path = (clientId: string, extra = '') =>
    `/api/reports/availability?clientId=${clientId}&from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z${extra}`;

  const own = await call(availabilityRoute, 'GET', path(clientA, '&hours=all'), scoped);
  expect(own.status).toBe(200);
  const answer = own.body as unknown as AvailabilityResponse;
  expect(answer.availability.devices).toHaveLength(devices.length);
  const first = answer.availability.devices.find((device) => device.deviceId === devices[0]!.id)!;
  // One hour down in a fully watched day: 23 h up, availability 23 ÷ 24 = 95.83 %.
  expect([first.upMs, first.downMs, first.unknownMs]).toEqual([23 * 3_600_000, 3_600_000, 0]);
  expect(first.name).toBe(devices[0]!.displayName);

  const foreign = await call(availabilityRoute, 'GET', path(clientB), scoped);
  const unknown = await call(availabilityRoute, 'GET', path('no-such-client'), scoped);
  expect(foreign.status).toBe(404);
  expect(unknown.status).toBe(404);
  // Same answer but for the id echoed back.
  expect(JSON.stringify(foreign.body).replace(clientB, 'X')).toBe(
    JSON.stringify(unknown.body).replace('no-such-client', 'X'),
  );

  // A redacted link of client A sees pseudonyms, never hostnames.
  const redacted = await call(availabilityRoute, 'GET', path(clientA), redactedLink);
  expect(redacted.status).toBe(200);
  const text = JSON.stringify(redacted.body);
  for (const device of devices) expect(text).not.toContain(device.hostname);
  expect((await call(availabilityRoute, 'GET', path(clientB), redactedLink)).status).toBe(404);
});

it('refuses bad query parameters with the reason', async () => {
  for (const [query, words] of [
    [`clientId=${clientA}&hours=nights`, 'hours'],
    [`clientId=${clientA}&from=yesterday`, 'from'],
    [`clientId=${clientA}&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`, 'after'],
    [`clientId=${clientA}&from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`, '400 days'],
    [`from=2026-01-01T00:00:00Z`, 'clientId'],
    [`clientId=${clientA}&extra=1`, 'extra'],
  ] as const) {
    const refused = await call(availabilityRoute, 'GET', `/api/reports/availability?${query}`, admin);
    expect(refused.status, query).toBe(400);
    expect(JSON.stringify(refused.body), query).toContain(words);
  }
});
