import { deliveriesRoute } from '@/lib/api/routes/notifications/deliveries';
import { enqueueMessages } from '@/lib/notify/outbox-write';
import { markReady } from '@/lib/readiness';
import { apiRequest } from '@/testing/api-request';
import { insertChannel, testMessage } from '@/testing/delivery-fixture';
import { insertPerson } from '@/testing/people';
import { useTestAuth, type TestAuth } from '@/testing/sessions';
import { afterAll, beforeAll, expect, it } from 'vitest';

// GET /api/admin/notifications/deliveries: admins only, bad parameters refused with the reason,
// pages linked by nextBefore.

let auth: TestAuth;
let cookie: string;
beforeAll(async () => {
  auth = await useTestAuth();
  markReady();
  cookie = await auth.adminCookie();
  const channel = await insertChannel(auth.store, { url: 'http://127.0.0.1:1/hook' });
  const ids = ['d-1', 'd-2', 'd-3'];
  await enqueueMessages(
    auth.store.db,
    ids.map((id) => ({
      id,
      channelId: channel,
      ruleId: null,
      kind: 'trigger' as const,
      message: testMessage(id),
    })),
    Date.UTC(2026, 11, 7),
  );
});
afterAll(() => auth.close());

const get = async (query: string, as = cookie) => {
  const result = await deliveriesRoute.handle(
    apiRequest({ path: `/api/admin/notifications/deliveries${query}`, headers: { cookie: as } }),
  );
  return { status: result.status, body: JSON.parse(String(result.body)) as Record<string, unknown> };
};

it('answers pages linked by nextBefore', async () => {
  const first = await get('?limit=2');
  expect(first.status).toBe(200);
  expect((first.body.deliveries as { id: string }[]).map((row) => row.id)).toEqual(['d-3', 'd-2']);
  expect(typeof first.body.nextBefore).toBe('string');
  const second = await get(`?limit=2&before=${encodeURIComponent(String(first.body.nextBefore))}`);
  expect((second.body.deliveries as { id: string }[]).map((row) => row.id)).toEqual(['d-1']);
  expect(second.body.nextBefore).toBeNull();
});

it('refuses bad parameters with a 400 that names them', async () => {
  for (const [query, words] of [
    ['?limit=0', 'limit'],
    ['?limit=abc', 'limit'],
    ['?status=lost', 'status'],
    ['?before=yesterday', 'before'],
    ['?channel=x', 'Unknown parameter'],
  ] as const) {
    const answer = await get(query);
    expect(answer.status, query).toBe(400);
    expect(JSON.stringify(answer.body), query).toContain(words);
  }
});

it('is for admins only', async () => {
  const tech = await insertPerson(auth.store, { role: 'technician' });
  expect((await get('', await auth.personCookie(tech.id))).status).toBe(403);
  expect((await get('', '')).status).toBe(401);
});
