import { boot, gid, idOf, list, type Harness, type JsonRecord } from '@/testing/simulator-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let h: Harness;
beforeAll(async () => {
  h = await boot({ devices: 2345 });
});
afterAll(() => h.sim.close());

const ids = (items: JsonRecord[]): number[] => items.map((d) => Number(gid(d.id).split('/').pop()));

describe('list envelope and limit', () => {
  it('returns exactly {data, has_more} with 20 items by default', async () => {
    const reply = await h.get('/devices');
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body as object).sort()).toEqual(['data', 'has_more']);
    expect(list(reply)).toHaveLength(20);
    expect((reply.body as { has_more: boolean }).has_more).toBe(true);
  });

  it.each(['0', '101', 'abc', '1.5', '-1', '', '20x'])('rejects limit=%s with 400', async (limit) => {
    const reply = await h.get(`/devices?limit=${limit}`);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: 'limit must be an integer between 1 and 100' });
  });

  it.each([1, 57, 100])('honours limit=%i', async (limit) => {
    expect(list(await h.get(`/devices?limit=${limit}`))).toHaveLength(limit);
  });
});

describe('cursors', () => {
  it('walks 2,345 devices in 24 pages of 100, each exactly once, ascending', async () => {
    let after: string | null = null;
    const seen: number[] = [];
    let pages = 0;
    for (;;) {
      const reply = await h.get(`/devices?limit=100${after ? `&starting_after=${after}` : ''}`);
      const { data, has_more } = reply.body as { data: JsonRecord[]; has_more: boolean };
      pages++;
      seen.push(...ids(data));
      if (!has_more) break;
      after = String(data[data.length - 1]?.id);
    }
    expect(pages).toBe(24);
    expect(seen).toHaveLength(2345);
    expect(new Set(seen).size).toBe(2345);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const last = await h.get(
      `/devices?limit=100&starting_after=${idOf('Device', seen[seen.length - 1] ?? 0)}`,
    );
    expect(last.body).toEqual({ data: [], has_more: false });
  });

  it('returns the page immediately before ending_before, ascending', async () => {
    const all = ids(list(await h.get('/devices?limit=100')));
    const pivot = all[50] ?? 0;
    const reply = await h.get(`/devices?limit=10&ending_before=${idOf('Device', pivot)}`);
    expect(ids(list(reply))).toEqual(all.slice(40, 50));
    expect((reply.body as { has_more: boolean }).has_more).toBe(true);
    const start = await h.get(`/devices?limit=10&ending_before=${idOf('Device', all[5] ?? 0)}`);
    expect(ids(list(start))).toEqual(all.slice(0, 5));
    expect((start.body as { has_more: boolean }).has_more).toBe(false);
  });

  it('continues from a deleted cursor where its number would sit', async () => {
    const page = ids(list(await h.get('/devices?limit=5')));
    const [, second = 0, third] = page;
    expect((await h.call('DELETE', `/devices/${idOf('Device', second)}`)).status).toBe(200);
    const reply = await h.get(`/devices?limit=1&starting_after=${idOf('Device', second)}`);
    expect(ids(list(reply))).toEqual([third]);
  });

  it('rejects undecodable or wrong-type cursors with 400', async () => {
    for (const cursor of ['garbage', idOf('Group', 5)]) {
      const reply = await h.get(`/devices?starting_after=${cursor}`);
      expect(reply.status).toBe(400);
      expect(Object.keys(reply.body as object)).toEqual(['error']);
    }
    expect((await h.get(`/devices?ending_before=nope`)).status).toBe(400);
    const both = await h.get(
      `/devices?starting_after=${idOf('Device', 1001)}&ending_before=${idOf('Device', 1100)}`,
    );
    expect(both.status).toBe(400);
  });

  it('pages every list endpoint with the same envelope', async () => {
    for (const path of ['/groups', '/alerts', '/tags', '/updates', '/automations', '/automations/webhooks']) {
      const reply = await h.get(`${path}?limit=2`);
      expect(reply.status, path).toBe(200);
      expect(Object.keys(reply.body as object).sort(), path).toEqual(['data', 'has_more']);
      expect(list(reply).length, path).toBeLessThanOrEqual(2);
    }
  });
});
