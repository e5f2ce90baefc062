import { alertListQuery } from '@/lib/api/schemas/alerts';
import { deviceListQuery } from '@/lib/api/schemas/devices';
import type { Access } from '@/lib/auth/scope';
import { scopedFleet } from '@/lib/auth/scoped-fleet';
import { DomainError } from '@/lib/domain/errors';
import type { SyncStatus } from '@/lib/domain/fleet';
import { listAlerts } from '@/lib/fleet/queries/alert-list';
import { encodeCursor } from '@/lib/fleet/queries/cursor';
import { listDevices } from '@/lib/fleet/queries/device-list';
import { buildSummary } from '@/lib/fleet/queries/summary';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { pseudonym } from '@/lib/redaction/redact';
import { startFleetHarness, type FleetHarness } from '@/testing/fleet-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What a share link can learn from the list queries beyond its rows: page anchors, tag filters,
// orderings and search. Each must behave as if the rest of the fleet did not exist.

let harness: FleetHarness;
let snapshot: FleetSnapshot;
const devices = (raw: Record<string, string>) => deviceListQuery.parse(raw);
const alerts = (raw: Record<string, string>) => alertListQuery.parse(raw);
const link = (groupId: string, redact: boolean): Access => ({
  via: 'link',
  role: 'viewer',
  linkId: 'l1',
  scope: { kind: 'group', groupId },
  redact,
  wall: null,
});

beforeAll(async () => {
  harness = await startFleetHarness({ devices: 400, seed: 8 });
  snapshot = (await harness.service.syncNow()) as FleetSnapshot;
});
afterAll(() => harness.close());

function biggestClient(): string {
  return [...snapshot.clientIds].sort(
    (a, b) =>
      (snapshot.groupNodes.get(b)?.subtree.devices.total ?? 0) -
      (snapshot.groupNodes.get(a)?.subtree.devices.total ?? 0),
  )[0] as string;
}

function outcome(run: () => unknown): string {
  try {
    return JSON.stringify(run());
  } catch (error) {
    return error instanceof DomainError ? `${error.kind} ${error.message}` : String(error);
  }
}

describe('a scoped link’s list queries', () => {
  it('page the same from a cursor naming an out-of-scope device as from one naming no device', () => {
    const view = scopedFleet(snapshot, link(biggestClient(), false));
    const outside = snapshot.devices.find((device, index) => !view.deviceAllowed(device, index));
    if (!outside) throw new Error('fixture needs a device outside the client');
    for (const sort of ['hostname', '-lastSeen', 'status']) {
      const page = (id: string) =>
        outcome(() =>
          listDevices(
            snapshot,
            devices({ sort, limit: '5', cursor: encodeCursor({ s: sort, i: id, p: 3 }) }),
            view.deviceAllowed,
            false,
            view.scoped,
          ),
        );
      expect(page(outside.id)).toBe(page('no-such-device'));
    }
    const foreignAlert = snapshot.activeAlerts.find((alert) => !view.deviceIdAllowed(alert.deviceId));
    if (!foreignAlert) throw new Error('fixture needs an alert outside the client');
    const alertPage = (id: string) =>
      outcome(() =>
        listAlerts(
          snapshot,
          alerts({ status: 'all', limit: '3', cursor: encodeCursor({ s: 'alerts', i: id, p: 1 }) }),
          (device) => view.deviceIdAllowed(device.id),
        ),
      );
    expect(alertPage(foreignAlert.id)).toBe(alertPage('no-such-alert'));
  });

  it('treat a tag only other clients use like a tag that does not exist', () => {
    const view = scopedFleet(snapshot, link(biggestClient(), false));
    const mine = new Set(snapshot.devices.filter((d, i) => view.deviceAllowed(d, i)).flatMap((d) => d.tags));
    const theirs = snapshot.devices.flatMap((device) => device.tags).find((tag) => !mine.has(tag));
    if (!theirs) throw new Error('fixture needs a tag only other clients use');
    const run = (tag: string) =>
      outcome(() => listDevices(snapshot, devices({ tag }), view.deviceAllowed, false, view.scoped)).replace(
        tag,
        '<tag>',
      );
    expect(run(theirs)).toBe(run('no-such-tag'));
    // The admin still tells them apart.
    expect(outcome(() => listDevices(snapshot, devices({ tag: theirs })))).not.toMatch(/^not_found/);
  });

  it('order a redacted link by pseudonym, ties included, and search only what it shows', () => {
    const view = scopedFleet(snapshot, link(biggestClient(), true));
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const rows = listDevices(
      snapshot,
      devices({ sort: 'hostname', limit: '500' }),
      view.deviceAllowed,
      true,
    ).data;
    const names = rows.map((row) => row.hostname);
    expect(names).toEqual([...names].sort(collator.compare));
    const byStatus = listDevices(
      snapshot,
      devices({ sort: 'status', limit: '500' }),
      view.deviceAllowed,
      true,
    ).data;
    for (let i = 1; i < byStatus.length; i++) {
      const [a, b] = [byStatus[i - 1], byStatus[i]];
      if (a && b && a.status === b.status)
        expect(collator.compare(a.hostname, b.hostname)).toBeLessThanOrEqual(0);
    }
    const allowed = (device: { id: string }) => view.deviceIdAllowed(device.id);
    for (const device of snapshot.devices.filter((d, i) => view.deviceAllowed(d, i)).slice(0, 20)) {
      for (const q of [device.hostname, device.hostname.toLowerCase()]) {
        expect(listDevices(snapshot, devices({ q }), view.deviceAllowed, true).total).toBe(0);
        expect(listAlerts(snapshot, alerts({ status: 'all', q }), allowed, true).total).toBe(0);
      }
      const mine = listAlerts(snapshot, alerts({ status: 'all', device: device.id }), allowed, true).data;
      for (const alert of mine) {
        const text = `${alert.name} ${alert.description}`.toLowerCase();
        expect(text).not.toContain(device.hostname.toLowerCase());
        expect(alert.deviceHostname).toBe(pseudonym(device.id));
        const found = listAlerts(snapshot, alerts({ status: 'all', q: pseudonym(device.id) }), allowed, true);
        expect(found.data.map((row) => row.id)).toContain(alert.id);
      }
    }
  });

  it('give a link no fleet-wide sync figures or upstream error text', () => {
    const sync: SyncStatus = {
      syncedAt: snapshot.syncedAt,
      lastAttemptAt: snapshot.syncedAt,
      lastError: 'GET https://api.level.io/v2/devices: 500 from acme-proxy-01',
      lastErrorKind: 'server',
      stale: true,
      syncing: false,
      lastDurationMs: 5321,
      lastRequestCount: 77,
      firstSync: { pagesFetched: 4, devicesFetched: 400 },
    };
    const view = scopedFleet(snapshot, link(biggestClient(), false));
    const linkSummary = buildSummary(snapshot, sync, false, view, false);
    expect(linkSummary.sync).toMatchObject({
      lastError: 'Level unreachable',
      lastDurationMs: null,
      lastRequestCount: null,
      firstSync: null,
      stale: true,
    });
    expect(buildSummary(snapshot, sync, false).sync).toEqual(sync);
  });
});
