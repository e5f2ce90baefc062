import {
  boot,
  KEY,
  list,
  obj,
  type Harness,
  type JsonRecord,
  type JsonValue,
} from '@/testing/simulator-harness';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

let h: Harness;
beforeAll(async () => {
  h = await boot({ devices: 50 });
});
afterEach(() => {
  h.sim.faults.reset();
});
afterAll(() => h.sim.close());

function everyObject(value: JsonValue, visit: (o: JsonRecord) => void): void {
  if (Array.isArray(value)) value.forEach((v) => everyObject(v, visit));
  else if (value !== null && typeof value === 'object') {
    visit(value);
    for (const [key, child] of Object.entries(value)) if (key !== 'new_field_2027') everyObject(child, visit);
  }
}

describe('fault injection', () => {
  it('adds latency', async () => {
    h.sim.faults.set({ latencyMs: 150 });
    const started = performance.now();
    expect((await h.get('/devices?limit=1')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers 5xx with an error body', async () => {
    h.sim.faults.set({ errorRate: 1 });
    for (let i = 0; i < 5; i++) {
      const reply = await h.get('/devices');
      expect([500, 502, 503]).toContain(reply.status);
      expect(Object.keys(reply.body as object)).toEqual(['error']);
    }
  });

  it('sends malformed JSON bodies', async () => {
    h.sim.faults.set({ malformedRate: 1 });
    const reply = await h.get('/devices?limit=3');
    expect(reply.status).toBe(200);
    expect(reply.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(reply.text) as unknown).toThrow();
  });

  it('forces 429 with Retry-After', async () => {
    h.sim.faults.set({ forceRateLimit: true, retryAfterSeconds: 7 });
    const reply = await h.get('/devices');
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('7');
    expect(reply.body).toEqual({ error: 'Rate limit exceeded' });
  });

  it('rate limits per minute via the fault switch', async () => {
    h.sim.faults.set({ rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const reply = await h.get('/tags');
      statuses.push(reply.status);
      retryAfter ??= reply.headers.get('retry-after');
    }
    expect(statuses.slice(-2)).toEqual([429, 429]);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(3);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  });

  it('drift "extra" adds unknown fields to every object, nested included', async () => {
    h.sim.faults.set({ drift: 'extra' });
    const reply = await h.get('/devices?limit=2&include_operating_system=true&include_disks=true');
    let objects = 0;
    everyObject(reply.body, (o) => {
      objects++;
      expect(o).toHaveProperty('new_field_2027');
    });
    expect(objects).toBeGreaterThan(6);
    expect((list(reply)[0]?.operating_system as JsonRecord).new_field_2027).toBeDefined();
  });

  it('drift "missing" drops optional fields', async () => {
    h.sim.faults.set({ drift: 'missing' });
    const device = list(await h.get('/devices?limit=1'))[0];
    for (const field of [
      'nickname',
      'last_seen_at',
      'group_name',
      'security_score',
      'flag',
      'notes',
      'public_ip_address',
    ]) {
      expect(device).not.toHaveProperty(field);
    }
    expect(device).toHaveProperty('hostname');
    expect(device).toHaveProperty('online');
  });

  it('never touches /_sim, and validates settings', async () => {
    h.sim.faults.set({ errorRate: 1, forceRateLimit: true });
    expect((await h.control('GET', '/_sim/stats')).status).toBe(200);
    const bad = await h.control('PUT', '/_sim/faults', { errorRate: 2 });
    expect(bad.status).toBe(400);
    expect((await h.control('PUT', '/_sim/faults', { bogus: true })).status).toBe(400);
    expect(() => h.sim.faults.set({ drift: 'sideways' as 'none' })).toThrow();
  });

  it('is switchable over the control API', async () => {
    const set = obj(await h.control('PUT', '/_sim/faults', { latencyMs: 5, drift: 'extra' }));
    expect(set).toMatchObject({ latencyMs: 5, drift: 'extra', errorRate: 0 });
    expect(obj(await h.control('GET', '/_sim/faults'))).toEqual(set);
    expect(obj(await h.control('DELETE', '/_sim/faults'))).toMatchObject({
      latencyMs: 0,
      drift: 'none',
      forceRateLimit: false,
    });
  });
});

describe('timeouts and rate limit option', () => {
  it('hangs requests until the client gives up, and close() still finishes', async () => {
    const own = await boot({ devices: 10 });
    own.sim.faults.set({ timeoutRate: 1 });
    const aborted = fetch(`${own.sim.url}/devices`, {
      headers: { Authorization: KEY },
      signal: AbortSignal.timeout(300),
    });
    await expect(aborted).rejects.toThrow();
    const pending = fetch(`${own.sim.url}/devices`, { headers: { Authorization: KEY } }).catch(
      (e: unknown) => e,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await own.sim.close();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('enforces rateLimitPerMinute with Retry-After in whole seconds', async () => {
    const own = await boot({ devices: 10, rateLimitPerMinute: 4 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await own.get('/devices')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      const limited = await own.get('/devices');
      expect(limited.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(own.sim.stats().requests.rateLimited).toBe(3);
    } finally {
      await own.sim.close();
    }
  });
});
