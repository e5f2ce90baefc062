import type { FleetData } from '@/lib/fleet/snapshot';
import { startFleetHarness, type FleetHarness } from '@/testing/fleet-harness';
import { afterEach, describe, expect, it } from 'vitest';

let harness: FleetHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('FleetService', () => {
  it('builds a snapshot whose totals equal the simulator’s own counts', async () => {
    harness = await startFleetHarness({ devices: 1234 });
    const snapshot = await harness.service.syncNow();
    const stats = harness.sim.stats();
    expect(snapshot?.totals.devices).toEqual(stats.devices);
    expect(snapshot?.totals.alerts).toEqual(stats.alerts.active);
    expect(harness.service.status()).toMatchObject({ stale: false, lastError: null });
  });

  it('shares one sync between concurrent callers (single-flight)', async () => {
    harness = await startFleetHarness({ devices: 450 });
    await harness.service.syncNow();
    const perSync = harness.requests.length;
    harness.requests.length = 0;
    const results = await Promise.all(Array.from({ length: 25 }, () => harness!.service.syncNow()));
    expect(new Set(results.map((snapshot) => snapshot?.version)).size).toBe(1);
    expect(harness.requests.length).toBe(perSync);
  });

  it('keeps the last good snapshot through a Level outage and recovers on the next sync', async () => {
    harness = await startFleetHarness({ devices: 200 }, { intervalMs: 100 });
    const good = await harness.service.syncNow();
    harness.sim.faults.set({ errorRate: 1 });
    const during = await harness.service.syncNow();
    expect(during).toBe(good);
    expect(harness.service.status().lastError).toMatch(/Level/);
    await sleep(250);
    expect(harness.service.isStale()).toBe(true);
    harness.sim.faults.set({ errorRate: 0, malformedRate: 1 });
    expect(await harness.service.syncNow()).toBe(good);
    expect(harness.service.status().lastErrorKind).toBe('invalid_response');
    harness.sim.faults.reset();
    const after = await harness.service.syncNow();
    expect(after?.version).toBe((good?.version ?? 0) + 1);
    expect(harness.service.status()).toMatchObject({ stale: false, lastError: null });
  });

  it('reports a rejected key clearly and does not retry it in a tight loop', async () => {
    harness = await startFleetHarness(
      { devices: 50 },
      { intervalMs: 50, clientKey: 'rotated-key-abcdefghij' },
    );
    harness.service.start();
    await sleep(600);
    const status = harness.service.status();
    expect(status.lastErrorKind).toBe('unauthorized');
    expect(status.lastError).toMatch(/rejected the API key/);
    // One attempt (five lists at once: devices, ungrouped devices, groups, alerts, tags), not one
    // every 50 ms.
    expect(harness.requests.length).toBeLessThanOrEqual(5);
  });

  it('after a rejected key is replaced, syncs at once and resumes the normal interval', async () => {
    harness = await startFleetHarness(
      { devices: 50 },
      { intervalMs: 1_000, clientKey: 'rotated-key-abcdefghij' },
    );
    harness.service.start();
    await expect.poll(() => harness?.service.nextSyncDueAt()).not.toBeNull();
    expect(harness.service.status().lastErrorKind).toBe('unauthorized');
    const backOff = (harness.service.nextSyncDueAt() ?? 0) - Date.now();
    expect(backOff).toBeGreaterThan(4 * 60_000);
    // What Settings does after a new key is saved, or the key in use tests fine again.
    harness.useKey('harness-key-0123456789');
    const snapshot = await harness.service.resync();
    expect(snapshot?.devices).toHaveLength(50);
    expect(harness.service.status().lastError).toBeNull();
    const next = (harness.service.nextSyncDueAt() ?? Number.POSITIVE_INFINITY) - Date.now();
    expect(next).toBeLessThanOrEqual(1_000);
  });

  it('never sends a request to Level before Retry-After has elapsed (429 storm)', async () => {
    harness = await startFleetHarness({ devices: 250 }, { maxRetries: 3 });
    harness.sim.faults.set({ forceRateLimit: true, retryAfterSeconds: 1 });
    const sync = Promise.all([harness.service.syncNow(), harness.service.syncNow()]);
    setTimeout(() => harness?.sim.faults.reset(), 1_500);
    await sync;
    const limited = harness.requests.filter((request) => request.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    // Requests already in flight when a 429 arrives cannot be recalled; none may *start* early.
    for (const hit of limited) {
      const next = harness.requests.find((request) => request.startedAt >= hit.answeredAt);
      if (next) expect(next.startedAt - hit.answeredAt).toBeGreaterThanOrEqual(1_000);
    }
    expect(harness.service.current()).not.toBeNull();
  });

  it('walks the device list serially at least every N syncs, in slices between', async () => {
    harness = await startFleetHarness({ devices: 1_200 }, { fullWalkEvery: 3 });
    const modes: string[] = [];
    for (let n = 0; n < 7; n += 1) {
      await harness.service.syncNow();
      modes.push(harness.service.walkCheck()?.firstMode ?? 'none');
    }
    expect(modes).toEqual(['serial', 'sliced', 'sliced', 'serial', 'sliced', 'sliced', 'serial']);
    expect(harness.service.walkCheck()).toMatchObject({ walks: 1, agreed: true });
  });

  it('a sync that lost a slice (deleted cursor → empty page) still holds every device', async () => {
    harness = await startFleetHarness({ devices: 1_200, listing: { unknownCursor: 'empty' } });
    const first = await harness.service.syncNow();
    const gone = first?.devices[599]?.id as string;
    const deleted = await fetch(`${harness.sim.url}/devices/${gone}`, {
      method: 'DELETE',
      headers: { Authorization: 'harness-key-0123456789' },
    });
    expect(deleted.status).toBe(200);
    const second = await harness.service.syncNow();
    expect(second?.devices).toHaveLength(1_199);
    expect(second?.totals.devices.total).toBe(harness.sim.stats().devices.total);
    expect(harness.service.walkCheck()).toMatchObject({ firstMode: 'sliced', walks: 2, agreed: true });
  });

  it('derives recently resolved alerts from alerts that left the active list', async () => {
    harness = await startFleetHarness({ devices: 200 });
    const first = await harness.service.syncNow();
    const target = first?.activeAlerts[0];
    expect(target).toBeDefined();
    const response = await fetch(`${harness.sim.url}/alerts/${target!.id}/resolve`, {
      method: 'POST',
      headers: { Authorization: 'harness-key-0123456789' },
    });
    expect(response.status).toBe(200);
    const second = await harness.service.syncNow();
    expect(second?.activeAlerts.some((alert) => alert.id === target!.id)).toBe(false);
    const resolved = second?.recentResolvedAlerts.find((alert) => alert.id === target!.id);
    expect(resolved).toMatchObject({ resolved: true });
    expect(resolved?.resolvedAt).toBeTruthy();
  });
  it('patches admin changes in: a new version when leading, a local revision when following', async () => {
    harness = await startFleetHarness({ devices: 120 });
    const synced = await harness.service.syncNow();
    const first = synced?.devices[0];
    const rename = (data: FleetData) => ({
      ...data,
      devices: data.devices.map((d) => (d.id === first?.id ? { ...d, nickname: 'Reception' } : d)),
    });
    const published = harness.service.patch(rename, { publish: true });
    expect(published?.version).toBe((synced?.version ?? 0) + 1);
    expect(published?.localRevision).toBe(0);
    expect(published?.syncedAt).toBe(synced?.syncedAt);
    expect(published?.deviceById.get(first?.id ?? '')?.nickname).toBe('Reception');
    const local = harness.service.patch(rename, { publish: false });
    expect(local?.version).toBe(published?.version);
    expect(local?.localRevision).toBe(1);
    // The next sync brings Level's word and a version above both.
    const next = await harness.service.syncNow();
    expect(next?.version).toBe((published?.version ?? 0) + 1);
    expect(next?.localRevision).toBe(0);
  });

  it('keeps an admin change patched in while a sync was reading Level', async () => {
    harness = await startFleetHarness({ devices: 120 });
    const synced = await harness.service.syncNow();
    const first = synced?.devices[0];
    const rename = (data: FleetData) => ({
      ...data,
      devices: data.devices.map((d) => (d.id === first?.id ? { ...d, nickname: 'Reception' } : d)),
    });
    harness.sim.faults.set({ latencyMs: 150 });
    const during = harness.service.syncNow();
    await sleep(50);
    harness.service.patch(rename, { publish: true });
    const after = await during;
    expect(after?.deviceById.get(first?.id ?? '')?.nickname).toBe('Reception');
    // A sync that starts after the change reads Level's word alone.
    harness.sim.faults.set({ latencyMs: 0 });
    const later = await harness.service.syncNow();
    expect(later?.deviceById.get(first?.id ?? '')?.nickname).not.toBe('Reception');
  });
});
