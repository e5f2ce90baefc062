import { deviceListQuery } from '@/lib/api/schemas/devices';
import type { Device } from '@/lib/domain/device';
import { listDevices } from '@/lib/fleet/queries/device-list';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { createLevelClient } from '@/lib/level';
import { toRowPosture } from '@/lib/posture/derive';
import { PostureCache } from '@/lib/posture/posture-cache';
import { PostureSync } from '@/lib/posture/posture-sync';
import { startFleetHarness, type FleetHarness } from '@/testing/fleet-harness';
import { openTestStore } from '@/testing/stores';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The device list's posture filters, against what the simulator serves over HTTP: the expected
// sets are computed here from Level's raw answers, independently of lib/posture.

const KEY = 'filters-key-0123456789';
let harness: FleetHarness;
let snapshot: FleetSnapshot;
let store: Awaited<ReturnType<typeof openTestStore>>;
let lookup: (device: Device) => ReturnType<typeof toRowPosture>;
const raw = { updates: [] as Array<Record<string, unknown>>, devices: [] as Array<Record<string, unknown>> };

async function walk(path: string) {
  const out: Array<Record<string, unknown>> = [];
  let after: string | null = null;
  for (;;) {
    const sep = path.includes('?') ? '&' : '?';
    const response = await fetch(
      `${harness.sim.url}${path}${sep}limit=100${after ? `&starting_after=${after}` : ''}`,
      {
        headers: { Authorization: KEY },
      },
    );
    const page = (await response.json()) as { data: Array<Record<string, unknown>>; has_more: boolean };
    out.push(...page.data);
    if (!page.has_more) return out;
    after = String(page.data.at(-1)?.id);
  }
}

beforeAll(async () => {
  harness = await startFleetHarness({ devices: 300, seed: 11, apiKey: KEY });
  snapshot = (await harness.service.syncNow()) as FleetSnapshot;
  store = await openTestStore('sqlite');
  // Unthrottled: the budget is the sync test's subject, not this one's.
  const level = createLevelClient({ baseUrl: harness.sim.url, apiKey: KEY, requestsPerMinute: 1_000_000 });
  const ids = snapshot.devices.map((d) => d.id);
  // A day's slice in one tick: tickMs = the whole day.
  const sync = new PostureSync({ store, client: () => level, deviceIds: () => ids, tickMs: 86_400_000 });
  await sync.tick();
  await sync.tick(); // the first pass takes 200 new devices a tick
  const cache = await new PostureCache(store).fresh();
  lookup = (device) => toRowPosture(cache.posture(device));
  raw.updates = await walk('/updates');
  raw.devices = await walk('/devices?include_security=true');
}, 60_000);
afterAll(async () => {
  await store.close();
  await harness.close();
});

const ids = (q: Record<string, string>, allowed?: (d: Device) => boolean, redact = false) =>
  new Set(
    listDevices(
      snapshot,
      deviceListQuery.parse({ limit: '500', ...q }),
      allowed,
      redact,
      allowed !== undefined,
      lookup,
    ).data.map((row) => row.id),
  );

describe('posture filters on /api/devices', () => {
  it('patch=failed|pending|ok match the devices’ updates as Level lists them', () => {
    const state = new Map<string, string>();
    for (const device of raw.devices) state.set(String(device.id), 'ok');
    for (const u of raw.updates) {
      const id = String(u.device_id);
      if (u.is_available && u.error) state.set(id, 'failed');
      else if (u.is_available && state.get(id) !== 'failed') state.set(id, 'pending');
    }
    const expected = (s: string) => new Set([...state].filter(([, v]) => v === s).map(([id]) => id));
    for (const s of ['failed', 'pending', 'ok']) {
      expect(expected(s).size, s).toBeGreaterThan(0);
      expect(ids({ patch: s }), s).toEqual(expected(s));
    }
    expect(ids({ patch: 'unknown' }).size).toBe(0);
    expect(ids({ patch: 'failed,pending' }).size).toBe(expected('failed').size + expected('pending').size);
  });

  it('risk, antivirus, encrypted and eol match Level’s security object', () => {
    const sec = (d: Record<string, unknown>) => d.security as Record<string, unknown>;
    const where = (test: (s: Record<string, unknown>) => boolean) =>
      new Set(raw.devices.filter((d) => test(sec(d))).map((d) => String(d.id)));
    expect(ids({ risk: 'high' })).toEqual(where((s) => s.risk === 'high' || s.risk === 'critical'));
    expect(ids({ antivirus: 'bad' })).toEqual(
      where((s) => typeof s.antivirus_status === 'string' && s.antivirus_status !== 'good'),
    );
    expect(ids({ antivirus: 'unknown' })).toEqual(where((s) => s.antivirus_status === null));
    expect(ids({ encrypted: 'false' })).toEqual(where((s) => s.primary_partition_encrypted === false));
    expect(ids({ eol: 'true' })).toEqual(where((s) => s.os_end_of_life === true));
    for (const q of [
      { risk: 'high' },
      { antivirus: 'bad' },
      { antivirus: 'unknown' },
      { encrypted: 'false' },
      { eol: 'true' },
    ] as Record<string, string>[])
      expect(ids(q).size).toBeGreaterThan(0);
  });

  it('refuses bad values with a message naming the parameter', () => {
    for (const [q, words] of [
      [{ patch: 'broken' }, 'patch states'],
      [{ risk: 'extreme' }, 'risks'],
      [{ antivirus: 'maybe' }, 'antivirus'],
      [{ encrypted: 'yes' }, 'true or false'],
      [{ eol: '1' }, 'true or false'],
    ] as const) {
      const parsed = deviceListQuery.safeParse(q);
      expect(parsed.success).toBe(false);
      expect(JSON.stringify(parsed.error?.issues)).toContain(words);
    }
  });

  it('keeps the scope and the redaction: only allowed devices, pseudonymised, posture still shown', () => {
    const clientId = snapshot.clientIds[0]!;
    const members = new Set(
      (snapshot.subtreeDevices.get(clientId) ?? []).map((i) => snapshot.devices[i]!.id),
    );
    const allowed = (d: Device) => members.has(d.id);
    const scoped = ids({ patch: 'failed,pending,ok' }, allowed, true);
    expect(scoped.size).toBeGreaterThan(0);
    expect([...scoped].every((id) => members.has(id))).toBe(true);
    const page = listDevices(snapshot, deviceListQuery.parse({ limit: '500' }), allowed, true, true, lookup);
    expect(page.data.length).toBe(members.size);
    // The posture is the real one, not only its keys.
    expect(page.data.some((row) => row.posture?.patch !== 'unknown')).toBe(true);
    for (const row of page.data) {
      expect(row.hostname).not.toBe(snapshot.deviceById.get(row.id)?.hostname);
      expect(Object.keys(row.posture ?? {}).sort()).toEqual([
        'antivirus',
        'encrypted',
        'failedUpdates',
        'firewallEnabled',
        'osEndOfLife',
        'patch',
        'pendingUpdates',
        'risk',
      ]);
    }
  });
});
