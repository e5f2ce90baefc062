import { boot, idOf, list, obj, type Harness } from '@/testing/simulator-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let h: Harness;
beforeAll(async () => {
  h = await boot({ devices: 500, seed: 3 });
});
afterAll(() => h.sim.close());

const ALERT_FIELDS = [
  'id',
  'device_id',
  'device_hostname',
  'name',
  'description',
  'payload',
  'severity',
  'is_resolved',
  'started_at',
  'resolved_at',
];

describe('alerts', () => {
  it('have the reference fields and all four severities', async () => {
    const alerts = await h.walk('/alerts');
    for (const a of alerts) expect(Object.keys(a)).toEqual(ALERT_FIELDS);
    expect(new Set(alerts.map((a) => a.severity))).toEqual(
      new Set(['information', 'warning', 'critical', 'emergency']),
    );
    expect(alerts.some((a) => a.is_resolved)).toBe(true);
    expect(alerts.some((a) => !a.is_resolved)).toBe(true);
    for (const a of alerts.filter((x) => x.is_resolved))
      expect(Date.parse(String(a.resolved_at))).toBeGreaterThanOrEqual(Date.parse(String(a.started_at)));
    for (const a of alerts.filter((x) => !x.is_resolved)) expect(a.resolved_at).toBeNull();
  });

  it('filter by status and device_id; no status returns both', async () => {
    const all = await h.walk('/alerts');
    const active = await h.walk('/alerts?status=active');
    const resolved = await h.walk('/alerts?status=resolved');
    expect(active.every((a) => a.is_resolved === false)).toBe(true);
    expect(resolved.every((a) => a.is_resolved === true)).toBe(true);
    expect(active.length + resolved.length).toBe(all.length);
    const deviceId = all[0]?.device_id;
    const mine = await h.walk(`/alerts?device_id=${String(deviceId)}`);
    expect(mine.map((a) => a.id)).toEqual(all.filter((a) => a.device_id === deviceId).map((a) => a.id));
    expect((await h.get('/alerts?status=open')).status).toBe(400);
    expect((await h.get('/alerts?status=ACTIVE')).status).toBe(400);
  });

  it('resolve is idempotent and returns the alert', async () => {
    const alert = list(await h.get('/alerts?status=active&limit=1'))[0];
    const first = await h.call('POST', `/alerts/${String(alert?.id)}/resolve`);
    expect(first.status).toBe(200);
    expect(obj(first)).toMatchObject({ id: alert?.id, is_resolved: true });
    expect(obj(first).resolved_at).not.toBeNull();
    const second = obj(await h.call('POST', `/alerts/${String(alert?.id)}/resolve`));
    expect(second).toEqual(obj(first));
    expect(obj(await h.get(`/alerts/${String(alert?.id)}`))).toEqual(obj(first));
    expect((await h.call('POST', `/alerts/${idOf('Alert', 1)}/resolve`)).status).toBe(404);
  });
});

describe('tags', () => {
  it('list, filter by device and show', async () => {
    const tags = await h.walk('/tags');
    for (const t of tags) expect(Object.keys(t)).toEqual(['id', 'name', 'device_count']);
    expect(tags.some((t) => String(t.name).includes('🔥'))).toBe(true);
    const device = (await h.walk('/devices')).find((d) => (d.tags as string[]).length >= 2);
    const onDevice = await h.walk(`/tags?device_id=${String(device?.id)}`);
    expect(onDevice.map((t) => t.name).sort()).toEqual([...(device?.tags as string[])].sort());
    expect(obj(await h.get(`/tags/${String(tags[0]?.id)}`))).toEqual(tags[0]);
  });

  it('POST creates, 422 on duplicate names (case-insensitive), 400 without name', async () => {
    const created = await h.call('POST', '/tags', { name: '🚀 Rollout wave 1' });
    expect(created.status).toBe(201);
    expect(obj(created)).toMatchObject({ name: '🚀 Rollout wave 1', device_count: 0 });
    expect((await h.call('POST', '/tags', { name: 'vip' })).status).toBe(422);
    expect((await h.call('POST', '/tags', {})).status).toBe(400);
  });

  it('apply/remove answer 422 when nothing changes and keep device tags in sync', async () => {
    const tag = obj(await h.call('POST', '/tags', { name: 'Sync check' }));
    const ids = list(await h.get('/devices?limit=2')).map((d) => d.id);
    const path = `/tags/${String(tag.id)}/devices`;
    expect(obj(await h.call('POST', path, { device_ids: ids }))).toMatchObject({
      id: tag.id,
      device_count: 2,
    });
    expect((await h.call('POST', path, { device_ids: ids })).status).toBe(422);
    expect(obj(await h.get(`/devices/${String(ids[0])}`)).tags).toContain('Sync check');
    expect((await h.walk(`/devices?tag_id=${String(tag.id)}`)).map((d) => d.id)).toEqual(ids);
    const renamed = obj(await h.call('PATCH', `/tags/${String(tag.id)}`, { name: 'Sync check 2' }));
    expect(renamed.name).toBe('Sync check 2');
    expect(obj(await h.get(`/devices/${String(ids[0])}`)).tags).toContain('Sync check 2');
    expect(obj(await h.call('DELETE', path, { device_ids: [ids[0]] }))).toMatchObject({ device_count: 1 });
    expect((await h.call('DELETE', path, { device_ids: [ids[0]] })).status).toBe(422);
    expect((await h.call('POST', path, { device_ids: [] })).status).toBe(400);
    expect((await h.call('POST', path, { device_ids: [idOf('Device', 99_999)] })).status).toBe(404);
    expect((await h.call('PATCH', `/tags/${String(tag.id)}`, { name: 'VIP' })).status).toBe(422);
  });

  it('DELETE removes the tag name from devices', async () => {
    const tag = (await h.walk('/tags')).find((t) => t.name === 'Finance');
    const before = await h.walk(`/devices?tag_id=${String(tag?.id)}`);
    expect(before.length).toBeGreaterThan(0);
    expect((await h.call('DELETE', `/tags/${String(tag?.id)}`)).status).toBe(200);
    expect((await h.get(`/tags/${String(tag?.id)}`)).status).toBe(404);
    expect(obj(await h.get(`/devices/${String(before[0]?.id)}`)).tags).not.toContain('Finance');
  });
});
