import { deviceListQuery } from '@/lib/api/schemas/devices';
import { NotFoundError } from '@/lib/domain/errors';
import { listDevices } from '@/lib/fleet/queries/device-list';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { startFleetHarness, type FleetHarness } from '@/testing/fleet-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let harness: FleetHarness;
let snapshot: FleetSnapshot;
const query = (raw: Record<string, string>) => deviceListQuery.parse(raw);

beforeAll(async () => {
  harness = await startFleetHarness({ devices: 700, seed: 5 });
  snapshot = (await harness.service.syncNow()) as FleetSnapshot;
});
afterAll(() => harness.close());

describe('listDevices', () => {
  it('walks every device exactly once through cursors, in both directions', () => {
    for (const sort of ['hostname', '-lastSeen', 'status', '-alerts', 'client']) {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = listDevices(snapshot, query({ sort, limit: '97', ...(cursor ? { cursor } : {}) }));
        ids.push(...page.data.map((row) => row.id));
        expect(page.total).toBe(700);
        cursor = page.nextCursor;
      } while (cursor);
      expect(ids.length).toBe(700);
      expect(new Set(ids).size).toBe(700);
    }
  });

  it('sorts by hostname ascending and descending', () => {
    const up = listDevices(snapshot, query({ sort: 'hostname', limit: '500' })).data.map(
      (row) => row.hostname,
    );
    const down = listDevices(snapshot, query({ sort: '-hostname', limit: '500' })).data.map(
      (row) => row.hostname,
    );
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    expect(up).toEqual([...up].sort(collator.compare));
    expect(down).toEqual([...down].sort((a, b) => collator.compare(b, a)));
    expect(down[0]).not.toBe(up[0]);
  });

  it('filters by status, platform and role with totals to match', () => {
    const offline = listDevices(snapshot, query({ status: 'offline', limit: '500' }));
    expect(offline.total).toBe(snapshot.totals.devices.offline);
    expect(offline.data.every((row) => row.status === 'offline')).toBe(true);
    const servers = listDevices(
      snapshot,
      query({ role: 'server,domain_controller', platform: 'windows', limit: '500' }),
    );
    expect(servers.total).toBeGreaterThan(0);
    expect(servers.data.every((row) => row.platform === 'windows' && row.role !== 'workstation')).toBe(true);
  });

  it('filters by a client’s whole subtree and by ungrouped', () => {
    const clientId = snapshot.clientIds[0] as string;
    const inClient = listDevices(snapshot, query({ group: clientId, limit: '500' }));
    expect(inClient.total).toBe(snapshot.groupNodes.get(clientId)?.subtree.devices.total);
    expect(inClient.data.every((row) => row.clientId === clientId)).toBe(true);
    expect(listDevices(snapshot, query({ group: 'ungrouped' })).total).toBe(snapshot.ungrouped.devices.total);
  });

  it('filters by tag id or name, and by active alerts', () => {
    const tag = snapshot.tags.find((candidate) => (candidate.deviceCount ?? 0) > 0);
    expect(tag).toBeDefined();
    const byId = listDevices(snapshot, query({ tag: tag!.id, limit: '500' }));
    const byName = listDevices(snapshot, query({ tag: tag!.name, limit: '500' }));
    expect(byId.total).toBe(tag!.deviceCount);
    expect(byName.total).toBe(byId.total);
    const alerting = listDevices(snapshot, query({ alerts: 'any', limit: '500' }));
    expect(alerting.total).toBe(snapshot.activeAlertsByDevice.size);
  });

  it('filters by Level flag: flagged, not flagged, or one flag in any case', () => {
    const flagged = snapshot.devices.filter((device) => device.flag !== null);
    expect(flagged.length).toBeGreaterThan(0);
    const any = listDevices(snapshot, query({ flag: 'any', limit: '500' }));
    expect(any.total).toBe(flagged.length);
    expect(any.data.every((row) => row.flag !== null)).toBe(true);
    const none = listDevices(snapshot, query({ flag: 'none', limit: '500' }));
    expect(none.total).toBe(snapshot.devices.length - flagged.length);
    const one = flagged[0]!.flag!;
    const exact = listDevices(snapshot, query({ flag: one.toUpperCase(), limit: '500' }));
    expect(exact.total).toBe(flagged.filter((device) => device.flag === one).length);
    expect(exact.data.every((row) => row.flag === one)).toBe(true);
    expect(listDevices(snapshot, query({ flag: 'no such flag' })).total).toBe(0);
  });

  it('redacted: a flag naming the device is shown scrubbed and filters only by what is shown', () => {
    const device = snapshot.devices.find((candidate) => candidate.flag !== null)!;
    const original = device.flag;
    // A flag typed in Level may name the device; the redacted row must not carry the hostname.
    (device as { flag: string | null }).flag = `Do not reboot ${device.hostname}`;
    try {
      const rows = listDevices(snapshot, query({ flag: 'any', limit: '500' }), () => true, true).data;
      const row = rows.find((candidate) => candidate.id === device.id)!;
      expect(row.flag).toMatch(/^Do not reboot Device [0-9A-F]{6}$/);
      expect(row.flag).not.toContain(device.hostname);
      const probe = listDevices(snapshot, query({ flag: device.flag! }), () => true, true);
      expect(probe.data.map((candidate) => candidate.id)).not.toContain(device.id);
      const shown = listDevices(snapshot, query({ flag: row.flag!, limit: '500' }), () => true, true);
      expect(shown.data.map((candidate) => candidate.id)).toContain(device.id);
    } finally {
      (device as { flag: string | null }).flag = original;
    }
  });

  it('searches hostname, nickname, user and serial case-insensitively', () => {
    const device = snapshot.devices.find((candidate) => candidate.lastLoggedInUser && candidate.serialNumber);
    expect(device).toBeDefined();
    for (const needle of [
      device!.hostname.toLowerCase(),
      device!.serialNumber!,
      device!.lastLoggedInUser!.toUpperCase(),
    ]) {
      const ids = listDevices(snapshot, query({ q: needle, limit: '500' })).data.map((row) => row.id);
      expect(ids).toContain(device!.id);
    }
  });

  it('rejects unknown groups and tags as not found, and foreign cursors as invalid input', () => {
    expect(() => listDevices(snapshot, query({ group: 'nope' }))).toThrow(NotFoundError);
    expect(() => listDevices(snapshot, query({ tag: 'nope' }))).toThrow(NotFoundError);
    expect(() => listDevices(snapshot, query({ tag: 'nope' }))).toThrow(/No tag/);
    const page = listDevices(snapshot, query({ sort: 'hostname', limit: '5' }));
    expect(() => listDevices(snapshot, query({ sort: 'status', cursor: page.nextCursor ?? '' }))).toThrow(
      /another sort/,
    );
  });

  it('honours the scope predicate as if other devices did not exist', () => {
    const clientId = snapshot.clientIds[1] as string;
    const allowed = new Set(snapshot.subtreeDevices.get(clientId));
    const scoped = listDevices(snapshot, query({ limit: '500' }), (_device, index) => allowed.has(index));
    expect(scoped.total).toBe(allowed.size);
  });
});
