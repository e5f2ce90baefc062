import type { Route } from '@/lib/api/handler';
import {
  createRuleRoute,
  deleteRuleRoute,
  listRulesRoute,
  updateRuleRoute,
} from '@/lib/api/routes/notifications/rules';
import type { RuleView } from '@/lib/domain/notification-rules';
import { markReady } from '@/lib/readiness';
import { apiRequest } from '@/testing/api-request';
import { insertPerson } from '@/testing/people';
import { useTestAuth, type TestAuth } from '@/testing/sessions';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Settings → Notifications → Rules through its routes: what is saved is what comes back, with the
// schema's defaults; bad input and dangling references are refused with the reason; every change
// lands in the audit log; only admins get in.

let auth: TestAuth;
let cookie: string;
beforeAll(async () => {
  auth = await useTestAuth();
  markReady();
  cookie = await auth.adminCookie();
  await auth.store.db
    .insertInto('notification_channels')
    .values({
      id: 'ch-ops',
      name: 'Ops',
      kind: 'slack',
      config: '{}',
      secret: null,
      enabled: 1,
      rate_per_minute: 30,
      created_at: 0,
      updated_at: 0,
    })
    .execute();
});
afterAll(() => auth.close());

async function call(route: Route, method: string, path: string, body?: unknown, params = {}, as = cookie) {
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
  return { status: result.status, body: JSON.parse(String(result.body)) as Answer };
}

/** Whichever of these the route answered. */
interface Answer {
  rule: RuleView;
  rules: RuleView[];
  error: { message: string };
}

const base = '/api/admin/notifications/rules';
const minimal = { name: 'Servers down', events: ['device_offline'], channelIds: ['ch-ops'] };

it('creates a rule with the defaults filled in, lists it, changes part of it and deletes it, auditing each', async () => {
  const created = await call(createRuleRoute, 'POST', base, {
    ...minimal,
    quietHours: { start: '22:00', end: '06:30' },
    timeZone: 'Europe/Berlin',
  });
  expect(created.status).toBe(201);
  const id = created.body.rule.id;
  expect(created.body.rule.definition).toEqual({
    name: 'Servers down',
    enabled: true,
    events: ['device_offline'],
    scope: { kind: 'fleet' },
    severities: ['critical', 'emergency'],
    roles: ['server', 'domain_controller'],
    healthBelow: 'red',
    delayMinutes: 5,
    groupSeconds: 60,
    repeatMinutes: 0,
    recovery: true,
    timeZone: 'Europe/Berlin',
    businessHours: null,
    quietHours: { start: '22:00', end: '06:30' },
    channelIds: ['ch-ops'],
  });

  const listed = await call(listRulesRoute, 'GET', base);
  expect(listed.body.rules.map((rule) => rule.id)).toEqual([id]);

  const patched = await call(
    updateRuleRoute,
    'PATCH',
    `${base}/${id}`,
    { enabled: false, delayMinutes: 15 },
    { id },
  );
  expect(patched.status).toBe(200);
  expect(patched.body.rule.definition).toMatchObject({
    enabled: false,
    delayMinutes: 15,
    quietHours: { start: '22:00', end: '06:30' },
    timeZone: 'Europe/Berlin',
  });

  expect((await call(deleteRuleRoute, 'DELETE', `${base}/${id}`, undefined, { id })).status).toBe(200);
  expect((await call(listRulesRoute, 'GET', base)).body.rules).toEqual([]);

  const audit = await auth.store.db
    .selectFrom('audit_log')
    .select(['action', 'target'])
    .where('action', 'like', 'notification_rule.%')
    .orderBy('id')
    .execute();
  expect(audit).toEqual([
    { action: 'notification_rule.create', target: id },
    { action: 'notification_rule.update', target: id },
    { action: 'notification_rule.delete', target: id },
  ]);
});

it('refuses bad input with the field and the reason, and dangling channels', async () => {
  const noEvents = await call(createRuleRoute, 'POST', base, { ...minimal, events: [] });
  expect(noEvents.status).toBe(400);
  expect(noEvents.body.error.message).toBe('Invalid field "events": choose at least one event.');

  const badTime = await call(createRuleRoute, 'POST', base, {
    ...minimal,
    quietHours: { start: '25:00', end: '06:00' },
  });
  expect(badTime.status).toBe(400);
  expect(badTime.body.error.message).toContain('quietHours.start');

  const badZone = await call(createRuleRoute, 'POST', base, { ...minimal, timeZone: 'Mars/Olympus' });
  expect(badZone.status).toBe(400);
  expect(badZone.body.error.message).toContain('IANA time zone');

  const unknownField = await call(createRuleRoute, 'POST', base, { ...minimal, colour: 'red' });
  expect(unknownField.status).toBe(400);

  const noChannel = await call(createRuleRoute, 'POST', base, {
    ...minimal,
    channelIds: ['ch-ops', 'ch-gone'],
  });
  expect(noChannel.status).toBe(400);
  expect(noChannel.body.error.message).toBe('Invalid field "channelIds": no channel "ch-gone".');

  const made = await call(createRuleRoute, 'POST', base, minimal);
  const id = made.body.rule.id;
  const badPatch = await call(updateRuleRoute, 'PATCH', `${base}/${id}`, { channelIds: ['ch-gone'] }, { id });
  expect(badPatch.status).toBe(400);
  const notArray = await call(updateRuleRoute, 'PATCH', `${base}/${id}`, [1], { id });
  expect(notArray.status).toBe(400);
  // Nothing of a refused change was kept.
  expect((await call(listRulesRoute, 'GET', base)).body.rules[0]?.definition.channelIds).toEqual(['ch-ops']);
  await call(deleteRuleRoute, 'DELETE', `${base}/${id}`, undefined, { id });
});

it('answers 404 for a rule that does not exist', async () => {
  const params = { id: 'no-such-rule' };
  expect((await call(updateRuleRoute, 'PATCH', `${base}/x`, { enabled: false }, params)).status).toBe(404);
  expect((await call(deleteRuleRoute, 'DELETE', `${base}/x`, undefined, params)).status).toBe(404);
});

it('lets only admins in, and refuses a cross-site write', async () => {
  const tech = await insertPerson(auth.store, { role: 'technician' });
  const techCookie = await auth.personCookie(tech.id);
  expect((await call(listRulesRoute, 'GET', base, undefined, {}, techCookie)).status).toBe(403);
  expect((await call(createRuleRoute, 'POST', base, minimal, {}, techCookie)).status).toBe(403);
  const crossSite = await createRuleRoute.handle(
    apiRequest({
      method: 'POST',
      path: base,
      headers: {
        cookie,
        origin: 'https://evil.example',
        host: 'levelboard.test',
        'content-type': 'application/json',
      },
      body: JSON.stringify(minimal),
    }),
  );
  expect(crossSite.status).toBe(403);
});
