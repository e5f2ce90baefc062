import { boot, KEY, list, obj, type Harness, type JsonRecord } from '@/testing/simulator-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let h: Harness;
beforeAll(async () => {
  h = await boot({ devices: 400, seed: 21 });
});
afterAll(() => h.sim.close());

async function apiCounts() {
  const devices = await h.walk('/devices');
  const alerts = await h.walk('/alerts');
  const active = { information: 0, warning: 0, critical: 0, emergency: 0 } as Record<string, number>;
  for (const a of alerts)
    if (!a.is_resolved) active[String(a.severity)] = (active[String(a.severity)] ?? 0) + 1;
  return {
    devices: {
      total: devices.length,
      online: devices.filter((d) => d.online && !d.maintenance_mode).length,
      offline: devices.filter((d) => !d.online && !d.maintenance_mode).length,
      maintenance: devices.filter((d) => d.maintenance_mode).length,
    },
    alerts: { active, resolved: alerts.filter((a) => a.is_resolved).length },
    groups: (await h.walk('/groups')).length,
    tags: (await h.walk('/tags')).length,
  };
}

describe('control API', () => {
  it('stats match the API’s own data', async () => {
    const stats = obj(await h.control('GET', '/_sim/stats'));
    const { requests, ...counts } = stats;
    expect(counts).toEqual(await apiCounts());
    expect(Object.keys(requests as JsonRecord)).toEqual([
      'total',
      'byRoute',
      'rejectedAuth',
      'rateLimited',
      'maxInFlight',
    ]);
    expect(h.sim.stats()).toMatchObject(counts);
  });

  it('flips devices and updates last_seen_at', async () => {
    const device = list(await h.get('/devices?limit=100')).find((d) => d.online && !d.maintenance_mode);
    const path = `/_sim/devices/${String(device?.id)}`;
    const offline = obj(await h.control('POST', path, { online: false }));
    expect(offline).toMatchObject({ id: device?.id, online: false });
    expect(obj(await h.get(`/devices/${String(device?.id)}`)).online).toBe(false);
    const maintenance = obj(await h.control('POST', path, { online: true, maintenance_mode: true }));
    expect(maintenance).toMatchObject({ online: true, maintenance_mode: true });
    expect(obj(await h.control('POST', path, { maintenance_mode: false })).maintenance_mode).toBe(false);
    expect((await h.control('POST', path, { online: 'yes' })).status).toBe(400);
    expect((await h.control('POST', '/_sim/devices/nope', { online: true })).status).toBe(404);
  });

  it('opens alerts that the API then lists and resolves', async () => {
    const device = list(await h.get('/devices?limit=1'))[0];
    const before = h.sim.stats().alerts.active.emergency;
    const alert = obj(
      await h.control('POST', '/_sim/alerts', {
        device_id: device?.id,
        severity: 'emergency',
        name: 'RAID array degraded',
      }),
    );
    expect(alert).toMatchObject({
      device_id: device?.id,
      severity: 'emergency',
      name: 'RAID array degraded',
      is_resolved: false,
    });
    expect(h.sim.stats().alerts.active.emergency).toBe(before + 1);
    expect(
      list(await h.get(`/alerts?device_id=${String(device?.id)}&status=active&limit=100`)).map((a) => a.id),
    ).toContain(alert.id);
    await h.call('POST', `/alerts/${String(alert.id)}/resolve`);
    expect(h.sim.stats().alerts.active.emergency).toBe(before);
    const generated = obj(
      await h.control('POST', '/_sim/alerts', { device_id: device?.id, severity: 'warning' }),
    );
    expect(generated.severity).toBe('warning');
    expect(String(generated.name).length).toBeGreaterThan(0);
    expect(
      (await h.control('POST', '/_sim/alerts', { device_id: device?.id, severity: 'fatal' })).status,
    ).toBe(400);
  });

  it('controls the clock and ticks on demand', async () => {
    expect(obj(await h.control('POST', '/_sim/clock', { frozen: false }))).toEqual({ frozen: false });
    expect(h.sim.state.isFrozen()).toBe(false);
    expect(obj(await h.control('POST', '/_sim/clock', { frozen: true }))).toEqual({ frozen: true });
    const tick = await h.control('POST', '/_sim/tick');
    expect(tick.status).toBe(200);
    expect(obj(tick)).toHaveProperty('devices');
  });

  it('counts requests by route, rejected auth and client violations', async () => {
    await h.control('POST', '/_sim/requests/reset');
    await h.get('/devices?limit=5');
    await h.get('/devices?limit=500');
    await h.get('/devices', `Bearer ${KEY}`);
    await h.get(`/devices/${String(list(await h.get('/devices?limit=1'))[0]?.id)}`);
    await h.get('/nowhere');
    const requests = obj(await h.control('GET', '/_sim/requests'));
    expect(requests).toMatchObject({
      total: 6,
      rejectedAuth: 1,
      rateLimited: 0,
      maxInFlight: 1,
      byRoute: { 'GET /v2/devices': 4, 'GET /v2/devices/{id}': 1, 'GET (unmatched)': 1 },
      violations: { bearer: 1, limitOver100: 1 },
    });
    const reset = obj(await h.control('POST', '/_sim/requests/reset'));
    expect(reset).toMatchObject({ total: 0, byRoute: {}, violations: { bearer: 0, limitOver100: 0 } });
  });
});

describe('time evolution', () => {
  const fingerprint = async (): Promise<string> =>
    JSON.stringify([
      (await h.walk('/devices')).map((d) => [d.online, d.maintenance_mode, d.last_seen_at]),
      (await h.walk('/alerts')).map((a) => [a.id, a.is_resolved]),
    ]);

  it('tick() changes the fleet', async () => {
    const before = await fingerprint();
    // 10 simulated minutes: at realistic rates (simulator/churn.ts) a few of 400 devices change.
    for (let i = 0; i < 60; i++) h.sim.state.tick();
    expect(await fingerprint()).not.toBe(before);
  });

  it('a frozen simulator does not change by itself', async () => {
    const own = await boot({ devices: 200, tickMs: 20, frozen: true, now: Date.now });
    try {
      const snapshot = JSON.stringify(await own.walk('/devices'));
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(JSON.stringify(await own.walk('/devices'))).toBe(snapshot);
      own.sim.state.setFrozen(false);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(JSON.stringify(await own.walk('/devices'))).not.toBe(snapshot);
    } finally {
      await own.sim.close();
    }
  });

  it('stays in a realistic steady state over many ticks', () => {
    const start = h.sim.state.counts();
    for (let i = 0; i < 300; i++) h.sim.state.tick();
    const { devices, alerts } = h.sim.state.counts();
    const offlineShare = devices.offline / devices.total;
    expect(offlineShare).toBeGreaterThan(0.02);
    expect(offlineShare).toBeLessThan(0.14);
    expect(devices.maintenance / devices.total).toBeLessThan(0.06);
    const active = Object.values(alerts.active).reduce((a, b) => a + b, 0);
    expect(active).toBeGreaterThan(0);
    expect(alerts.resolved).toBeGreaterThan(start.alerts.resolved);
  });
});
