import { LevelInvalidResponseError, LevelRateLimitedError, LevelUpstreamError } from '@/lib/level/errors';
import type { RequestInfo } from '@/lib/level/transport';
import type { RunningSimulator } from '@/simulator';
import {
  API_KEY,
  caught,
  expectNoViolations,
  expectSecretAbsent,
  routeCount,
  startTestSimulator,
  testClient,
} from '@/testing/simulator-fixture';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

describe('faults against the simulator', () => {
  let sim: RunningSimulator;
  let deviceId: string;

  beforeAll(async () => {
    sim = await startTestSimulator(250);
    const [first] = await testClient(sim).devices.listAll();
    deviceId = first?.id ?? '';
  });
  afterEach(() => {
    sim.faults.reset();
  });
  afterAll(async () => {
    await expectNoViolations(sim);
    await sim.close();
  });

  it('waits at least Retry-After after a 429 before the next request reaches Level', async () => {
    sim.faults.set({ forceRateLimit: true, retryAfterSeconds: 1 });
    const seen: RequestInfo[] = [];
    let totalAt429 = -1;
    let probe: Promise<number> = Promise.resolve(-2);
    const client = testClient(sim, {
      onRequest: (info) => {
        seen.push(info);
        if (info.status === 429) {
          totalAt429 = sim.stats().requests.total;
          sim.faults.set({ forceRateLimit: false });
          probe = new Promise((resolve) => setTimeout(() => resolve(sim.stats().requests.total), 900));
        }
      },
    });
    const device = await client.devices.get(deviceId);
    expect(device.id).toBe(deviceId);
    expect(seen.map((i) => i.status)).toEqual([429, 200]);
    const [limited, retried] = seen as [RequestInfo, RequestInfo];
    const answeredAt = limited.startedAt + limited.durationMs;
    expect(retried.startedAt - answeredAt).toBeGreaterThanOrEqual(1000);
    // Seen from the simulator: nothing arrived during the Retry-After window.
    expect(await probe).toBe(totalAt429);
  });

  it('fails fast with `rate_limited` when Retry-After is longer than it will wait, and sends nothing meanwhile', async () => {
    sim.faults.set({ rateLimitPerMinute: 2 });
    const client = testClient(sim, { maxRetryAfterMs: 5_000 });
    await client.devices.get(deviceId);
    await client.devices.get(deviceId);
    const error = await caught(client.devices.get(deviceId));
    expect(error).toBeInstanceOf(LevelRateLimitedError);
    const e = error as LevelRateLimitedError;
    expect(e.kind).toBe('rate_limited');
    expect(e.retryAfterMs).toBeGreaterThan(5_000);
    const total = sim.stats().requests.total;
    const again = await caught(client.groups.listAll());
    expect(again).toBeInstanceOf(LevelRateLimitedError);
    expect(sim.stats().requests.total).toBe(total);
    expect(client.gateState().pausedUntil).toEqual(expect.any(Number));
  });

  it('retries 5xx and surfaces `upstream` after maxRetries', async () => {
    sim.faults.set({ errorRate: 1 });
    const client = testClient(sim, { maxRetries: 2 });
    const before = routeCount(sim, 'GET /v2/devices/{id}');
    const error = await caught(client.devices.get(deviceId));
    expect(routeCount(sim, 'GET /v2/devices/{id}') - before).toBe(3);
    expect(error).toBeInstanceOf(LevelUpstreamError);
    const e = error as LevelUpstreamError;
    expect(e.kind).toBe('upstream');
    expect([500, 502, 503]).toContain(e.status);
    expect(e.cause).toBe(`HTTP ${e.status}`);
    expectSecretAbsent(error, API_KEY);
  });

  it('recovers when a 5xx is transient', async () => {
    sim.faults.set({ errorRate: 0.3 });
    const client = testClient(sim, { maxRetries: 8 });
    const devices = await client.devices.listAll();
    expect(devices).toHaveLength(250);
  });

  it('does not resend a non-idempotent POST after a 5xx', async () => {
    sim.faults.set({ errorRate: 1 });
    const client = testClient(sim, { maxRetries: 3 });
    const before = routeCount(sim, 'POST /v2/tags');
    expect(await caught(client.tags.create('never-created'))).toBeInstanceOf(LevelUpstreamError);
    expect(routeCount(sim, 'POST /v2/tags') - before).toBe(1);
  });

  it('turns a timeout into `upstream` with a timeout cause, after retrying', async () => {
    sim.faults.set({ timeoutRate: 1 });
    const client = testClient(sim, { timeoutMs: 300, maxRetries: 1 });
    const before = routeCount(sim, 'GET /v2/devices/{id}');
    const error = await caught(client.devices.get(deviceId));
    expect(error).toBeInstanceOf(LevelUpstreamError);
    const e = error as LevelUpstreamError;
    expect(e.cause).toBe('timeout after 300 ms');
    expect(e.message).toContain('timeout after 300 ms');
    expect(e.status).toBeUndefined();
    expect(routeCount(sim, 'GET /v2/devices/{id}') - before).toBe(2);
  });

  it('treats malformed JSON as `invalid_response` (retried, then surfaced) without quoting the body', async () => {
    sim.faults.set({ malformedRate: 1 });
    const client = testClient(sim, { maxRetries: 1 });
    const before = routeCount(sim, 'GET /v2/devices');
    const error = await caught(client.devices.listAll());
    expect(error).toBeInstanceOf(LevelInvalidResponseError);
    const e = error as LevelInvalidResponseError;
    expect(e.kind).toBe('invalid_response');
    expect(e.issues).toEqual(['(body): not valid JSON']);
    expect(e.status).toBe(200);
    expect(e.message).not.toContain('hostname');
    expect(routeCount(sim, 'GET /v2/devices') - before).toBe(2);
  });

  it('ignores extra fields (schema drift)', async () => {
    const client = testClient(sim);
    const include = { operatingSystem: true, networkInterfaces: true, security: true };
    const baseline = {
      devices: await client.devices.listAll({}, { include }),
      groups: await client.groups.listAll(),
      alerts: await client.alerts.listAll(),
    };
    sim.faults.set({ drift: 'extra' });
    const drifted = {
      devices: await client.devices.listAll({}, { include }),
      groups: await client.groups.listAll(),
      alerts: await client.alerts.listAll(),
    };
    expect(drifted).toEqual(baseline);
    expect(JSON.stringify(drifted)).not.toContain('new_field_2027');
  });

  it('accepts missing optional fields and maps them to null', async () => {
    sim.faults.set({ drift: 'missing' });
    const client = testClient(sim);
    const devices = await client.devices.listAll();
    expect(devices).toHaveLength(250);
    expect(devices.every((d) => d.nickname === null && d.lastSeenAt === null && d.groupName === null)).toBe(
      true,
    );
    expect(devices.every((d) => d.securityScore === null && d.publicIpAddress === null)).toBe(true);
    expect(devices.every((d) => d.displayName === d.hostname && d.privateIpAddresses.length === 0)).toBe(
      true,
    );
    const alerts = await client.alerts.listAll();
    expect(alerts.every((a) => a.payload === null)).toBe(true);
  });

  it('honours the concurrency limit across all calls of one client', async () => {
    sim.faults.set({ latencyMs: 120 });
    const seen: RequestInfo[] = [];
    const client = testClient(sim, { concurrency: 3, onRequest: (info) => seen.push(info) });
    await Promise.all([
      ...Array.from({ length: 8 }, () => client.devices.get(deviceId)),
      client.groups.listAll(),
      client.tags.listAll(),
      client.alerts.listAll({ status: 'active' }),
    ]);
    expect(seen.length).toBeGreaterThanOrEqual(11);
    expect(maxOverlap(seen)).toBe(3);
  });
});

/** Largest number of attempts in flight at one instant (an end at t frees its slot before a start at t). */
function maxOverlap(requests: readonly RequestInfo[]): number {
  const events = requests.flatMap((r) => [
    { at: r.startedAt, delta: 1 },
    { at: r.startedAt + r.durationMs, delta: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let peak = 0;
  for (const event of events) {
    current += event.delta;
    peak = Math.max(peak, current);
  }
  return peak;
}
