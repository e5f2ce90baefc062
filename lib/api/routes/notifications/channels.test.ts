import type { Route } from '@/lib/api/handler';
import {
  createChannelRoute,
  deleteChannelRoute,
  listChannelsRoute,
  testChannelRoute,
  updateChannelRoute,
} from '@/lib/api/routes/notifications/channels';
import { markReady } from '@/lib/readiness';
import { apiRequest } from '@/testing/api-request';
import { startHttpReceiver, type HttpReceiver } from '@/testing/notify-receivers';
import { insertPerson } from '@/testing/people';
import { useTestAuth, type TestAuth } from '@/testing/sessions';
import { afterAll, beforeAll, expect, it } from 'vitest';

// The channel routes end to end in-process: admins only, the secret write-only (never in an
// answer or the audit log), "Send test" answering with the receiver's words.

let auth: TestAuth;
let cookie: string;
let receiver: HttpReceiver;
beforeAll(async () => {
  auth = await useTestAuth();
  markReady();
  cookie = await auth.adminCookie();
  receiver = await startHttpReceiver({ ntfyToken: null });
});
afterAll(async () => {
  await receiver.close();
  await auth.close();
});

async function call(
  route: Route,
  method: string,
  path: string,
  body?: unknown,
  params: Record<string, string> = {},
  as = cookie,
) {
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

it('creates, lists, changes, tests and deletes a channel; the secret never comes back out', async () => {
  const hook = receiver.url('slack');
  const created = await call(createChannelRoute, 'POST', '/api/admin/notifications/channels', {
    kind: 'slack',
    name: 'Slack #noc',
    secret: { webhookUrl: hook },
  });
  expect(created.status).toBe(201);
  const channel = created.body.channel as { id: string; secretSet: boolean };
  expect(channel.secretSet).toBe(true);
  const path = `/api/admin/notifications/channels/${channel.id}`;

  const listed = await call(listChannelsRoute, 'GET', '/api/admin/notifications/channels');
  expect(listed.body.channels).toHaveLength(1);
  expect(Object.keys(listed.body.fields as object)).toEqual([
    'email',
    'teams',
    'slack',
    'ntfy',
    'pagerduty',
    'webhook',
  ]);

  const renamed = await call(
    updateChannelRoute,
    'PATCH',
    path,
    { name: 'Slack #oncall' },
    { id: channel.id },
  );
  expect(renamed.body.channel).toMatchObject({ name: 'Slack #oncall', secretSet: true });

  const tested = await call(testChannelRoute, 'POST', `${path}/test`, {}, { id: channel.id });
  expect(tested).toEqual({ status: 200, body: { result: 'sent', status: 200, error: null, answer: 'ok' } });
  expect(receiver.accepted('slack')).toHaveLength(1);

  receiver.failNext(1, { mode: 'status', status: 404, body: 'no_service' });
  const gone = await call(testChannelRoute, 'POST', `${path}/test`, {}, { id: channel.id });
  expect(gone.body).toMatchObject({ result: 'failed', status: 404, answer: 'no_service' });

  expect((await call(deleteChannelRoute, 'DELETE', path, undefined, { id: channel.id })).status).toBe(200);
  expect((await call(listChannelsRoute, 'GET', '/api/admin/notifications/channels')).body.channels).toEqual(
    [],
  );

  const audit = await auth.store.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', 'like', 'notification_channel.%')
    .execute();
  expect(audit.map((entry) => entry.action)).toEqual([
    'notification_channel.create',
    'notification_channel.update',
    'notification_channel.test',
    'notification_channel.test',
    'notification_channel.delete',
  ]);
  const everything = JSON.stringify({ created, listed, renamed, tested, gone, audit });
  expect(everything).not.toContain(receiver.token);
});

it('answers 400 for bad input, 404 for an unknown channel, 403 to a non-admin', async () => {
  const bad = await call(createChannelRoute, 'POST', '/api/admin/notifications/channels', {
    kind: 'teams',
    name: 'T',
    secret: { webhookUrl: 'nope' },
  });
  expect(bad.status).toBe(400);
  expect(
    String((bad.body as { error?: { message?: string } }).error?.message ?? JSON.stringify(bad.body)),
  ).toContain('secret.webhookUrl');
  expect((await call(createChannelRoute, 'POST', '/api/admin/notifications/channels', {})).status).toBe(400);
  for (const [route, method, suffix] of [
    [updateChannelRoute, 'PATCH', ''],
    [deleteChannelRoute, 'DELETE', ''],
    [testChannelRoute, 'POST', '/test'],
  ] as const) {
    const answer = await call(
      route,
      method,
      `/api/admin/notifications/channels/missing${suffix}`,
      method === 'PATCH' ? { name: 'x' } : {},
      { id: 'missing' },
    );
    expect(answer.status, `${method}${suffix}`).toBe(404);
  }
  const technician = await insertPerson(auth.store, { role: 'technician' });
  const refused = await call(
    listChannelsRoute,
    'GET',
    '/api/admin/notifications/channels',
    undefined,
    {},
    await auth.personCookie(technician.id),
  );
  expect(refused.status).toBe(403);
});
