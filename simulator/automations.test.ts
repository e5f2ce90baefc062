import {
  boot,
  idOf,
  KEY,
  list,
  obj,
  READ_ONLY_KEY,
  type Harness,
  type JsonRecord,
} from '@/testing/simulator-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let h: Harness;
let hooks: JsonRecord[];
let devices: JsonRecord[];
beforeAll(async () => {
  h = await boot({ devices: 60 });
  hooks = await h.walk('/automations/webhooks');
  devices = list(await h.get('/devices?limit=3'));
});
afterAll(() => h.sim.close());

const token = (hook: JsonRecord | undefined): string => String(hook?.url).split('/').pop() ?? '';
const trigger = (hook: JsonRecord | undefined, body: unknown, key: string | null) =>
  h.call('POST', `/automations/webhooks/${token(hook)}`, body, key);

describe('automations', () => {
  it('list automations and their webhook triggers', async () => {
    const automations = await h.walk('/automations');
    expect(automations.length).toBeGreaterThanOrEqual(8);
    for (const a of automations)
      expect(Object.keys(a)).toEqual(['id', 'name', 'description', 'group_id', 'group_name']);
    expect(hooks.length).toBeGreaterThan(0);
    for (const hook of hooks) {
      expect(Object.keys(hook)).toEqual([
        'url',
        'automation_id',
        'automation_name',
        'requires_authorization_header',
        'parameters',
      ]);
      expect(String(hook.url)).toMatch(new RegExp(`^${h.sim.origin}/v2/automations/webhooks/[0-9a-f]{32}$`));
      expect(automations.some((a) => a.id === hook.automation_id && a.name === hook.automation_name)).toBe(
        true,
      );
      expect(hook.parameters).toContain('device_ids');
    }
    expect(hooks.some((x) => x.requires_authorization_header === true)).toBe(true);
    expect(hooks.some((x) => x.requires_authorization_header === false)).toBe(true);
  });

  it('an auth-requiring trigger needs the read-write key', async () => {
    const hook = hooks.find((x) => x.requires_authorization_header === true);
    const body = { device_ids: [devices[0]?.id] };
    expect((await trigger(hook, body, null)).status).toBe(401);
    expect((await trigger(hook, body, 'wrong')).status).toBe(401);
    expect((await trigger(hook, body, `Bearer ${KEY}`)).status).toBe(401);
    expect((await trigger(hook, body, READ_ONLY_KEY)).status).toBe(403);
    const ok = await trigger(hook, body, KEY);
    expect(ok.status).toBe(200);
    expect(Object.keys(obj(ok))).toEqual(['automation_run_ids']);
    expect(obj(ok).automation_run_ids).toHaveLength(1);
  });

  it('an open trigger runs on the token alone, one run per device', async () => {
    const hook = hooks.find((x) => x.requires_authorization_header === false);
    const reply = await trigger(hook, { device_ids: devices.map((d) => d.id), ticket: 'T-1' }, null);
    expect(reply.status).toBe(200);
    const runIds = obj(reply).automation_run_ids as string[];
    expect(runIds).toHaveLength(devices.length);
    const run = obj(await h.get(`/automation-runs/${runIds[1]}`));
    expect(run).toMatchObject({
      id: runIds[1],
      automation_id: hook?.automation_id,
      automation_name: hook?.automation_name,
      device_id: devices[1]?.id,
      device_hostname: devices[1]?.hostname,
    });
    expect(Object.keys(run)).toEqual([
      'id',
      'automation_id',
      'automation_name',
      'device_id',
      'device_hostname',
      'status',
      'started_at',
      'ended_at',
    ]);
    // Frozen simulator: runs are created already finished.
    expect(['succeeded', 'failed']).toContain(run.status);
    expect(run.ended_at).not.toBeNull();
    const withoutDevices = obj(await trigger(hook, undefined, null));
    expect(withoutDevices.automation_run_ids).toHaveLength(1);
  });

  it('404s unknown tokens and unknown devices, 400s malformed device_ids', async () => {
    const hook = hooks.find((x) => x.requires_authorization_header === false);
    expect((await h.call('POST', '/automations/webhooks/deadbeef', {}, KEY)).status).toBe(404);
    expect((await trigger(hook, { device_ids: [idOf('Device', 99_999)] }, null)).status).toBe(404);
    expect((await trigger(hook, { device_ids: 'x' }, null)).status).toBe(400);
  });

  it('runs progress pending → running → done over evolution steps; steps on request', async () => {
    const hook = hooks.find((x) => x.requires_authorization_header === true);
    h.sim.state.setFrozen(false);
    const runId = (
      obj(await trigger(hook, { device_ids: [devices[2]?.id] }, KEY)).automation_run_ids as string[]
    )[0];
    h.sim.state.setFrozen(true);
    const status = async () => obj(await h.get(`/automation-runs/${runId}?include_steps=true`));
    const pending = await status();
    expect(pending).toMatchObject({ status: 'pending', ended_at: null });
    expect((pending.steps as JsonRecord[]).every((s) => s.status === 'pending')).toBe(true);
    h.sim.state.tick();
    expect((await status()).status).toBe('running');
    h.sim.state.tick();
    const done = await status();
    expect(['succeeded', 'failed']).toContain(done.status);
    const steps = done.steps as JsonRecord[];
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(Object.keys(step)).toEqual(['name', 'status', 'output']);
    expect(obj(await h.get(`/automation-runs/${runId}`))).not.toHaveProperty('steps');
  });

  it('has no run list, and 404s unknown runs', async () => {
    expect((await h.get('/automation-runs')).status).toBe(404);
    expect((await h.get(`/automation-runs/${idOf('AutomationRun', 1)}`)).status).toBe(404);
  });
});
