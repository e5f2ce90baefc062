import { boot, CONTROL, idOf, KEY, list, READ_ONLY_KEY, type Harness } from '@/testing/simulator-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let h: Harness;
beforeAll(async () => {
  h = await boot({ devices: 40 });
});
afterAll(() => h.sim.close());

describe('authentication', () => {
  it.each([
    ['missing', null],
    ['wrong', 'not-the-key'],
    ['Bearer-prefixed', `Bearer ${KEY}`],
    ['lower-case bearer', `bearer ${KEY}`],
    ['near-miss', `${KEY}x`],
    ['Token-prefixed', `Token ${KEY}`],
  ])('rejects a %s key with 401 Access denied', async (_label, key) => {
    const reply = await h.get('/devices', key);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ error: 'Access denied' });
    expect(reply.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('accepts the raw key', async () => {
    expect((await h.get('/devices')).status).toBe(200);
  });

  it('lets the read-only key read but not write', async () => {
    expect((await h.get('/devices', READ_ONLY_KEY)).status).toBe(200);
    const device = list(await h.get('/devices?limit=1'))[0];
    const writes: [string, string, unknown][] = [
      ['PATCH', `/devices/${String(device?.id)}`, { notes: 'x' }],
      ['DELETE', `/devices/${String(device?.id)}`, undefined],
      ['POST', '/tags', { name: 'ro-test' }],
      ['POST', '/groups', { name: 'ro-test' }],
    ];
    for (const [method, path, body] of writes) {
      const reply = await h.call(method, path, body, READ_ONLY_KEY);
      expect(reply.status).toBe(403);
      expect(typeof (reply.body as { error: unknown }).error).toBe('string');
      expect(Object.keys(reply.body as object)).toEqual(['error']);
    }
    expect((await h.get(`/devices/${String(device?.id)}`)).status).toBe(200);
  });

  it('answers 401 before 404 on unknown paths, and 404 with a key', async () => {
    expect((await h.get('/nope', null)).status).toBe(401);
    const reply = await h.get('/organizations');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ error: 'Not found' });
    expect((await h.call('PUT', '/devices')).status).toBe(404);
    expect((await fetch(`${h.sim.origin}/v1/devices`, { headers: { Authorization: KEY } })).status).toBe(404);
  });

  it('answers 404 for unknown or malformed object ids', async () => {
    for (const id of [idOf('Device', 999_999), idOf('Group', 1001), 'garbage', 'null']) {
      const reply = await h.get(`/devices/${id}`);
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ error: 'Device not found' });
    }
  });

  it('protects /_sim with the control token, not the API key', async () => {
    expect((await h.control('GET', '/_sim/stats', undefined, 'wrong')).status).toBe(401);
    expect((await h.control('GET', '/_sim/stats', undefined, KEY)).status).toBe(401);
    expect((await h.control('GET', '/_sim/stats', undefined, CONTROL)).status).toBe(200);
    expect((await h.control('GET', '/_sim/unknown')).status).toBe(404);
  });

  it('defaults the control token to the API key', async () => {
    const other = await boot({ devices: 10, controlToken: undefined });
    try {
      expect((await other.control('GET', '/_sim/stats', undefined, KEY)).status).toBe(200);
    } finally {
      await other.sim.close();
    }
  });
});
