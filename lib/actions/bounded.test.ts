import { forEachBounded } from '@/lib/actions/bounded';
import type { RunningSimulator } from '@/simulator';
import { encodeId } from '@/simulator/ids';
import { READ_ONLY_KEY, startTestSimulator, testClient } from '@/testing/simulator-fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Bulk admin actions against the real simulator over HTTP: 500 devices, a bounded number of
// requests in flight, and a burst of 429s that must be waited out, not turned into failures.

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator(600);
});
afterAll(async () => {
  await sim.close();
});

const deviceIds = () => sim.state.store.devices.slice(0, 500).map((device) => encodeId('Device', device.n));

describe('forEachBounded', () => {
  it('resolves alerts on 500 devices with at most 4 requests open and waits out 429s', async () => {
    const alertIds = deviceIds().map((id) =>
      String(sim.state.openAlert({ device_id: id, severity: 'critical' }).id),
    );
    const client = testClient(sim, { concurrency: 4, requestsPerMinute: 100_000 });
    sim.faults.set({ latencyMs: 15, forceRateLimit: true, retryAfterSeconds: 1 });
    const lift = setTimeout(() => sim.faults.set({ forceRateLimit: false }), 400);
    const before = sim.stats().requests;

    const run = await forEachBounded(alertIds, 8, (id) => client.alerts.resolve(id));
    clearTimeout(lift);
    sim.faults.reset();

    expect(run.failed).toEqual([]);
    expect(run.skipped).toEqual([]);
    expect(new Set(run.done.map((alert) => alert.id))).toEqual(new Set(alertIds));
    const after = sim.stats().requests;
    expect(after.rateLimited - before.rateLimited).toBeGreaterThan(0);
    // The client's gate holds 4 even though the bulk runner asked for 8.
    expect(after.maxInFlight).toBeLessThanOrEqual(4);
    expect(after.maxInFlight).toBeGreaterThan(1);
    const stillActive = [...sim.state.store.activeAlerts].filter((alert) =>
      alertIds.includes(encodeId('Alert', alert.n)),
    );
    expect(stillActive).toEqual([]);
  });

  it('stops after the first 403 so a read-only key changes nothing more', async () => {
    const ids = deviceIds().slice(0, 40);
    const alertIds = ids.map((id) => String(sim.state.openAlert({ device_id: id, severity: 'warning' }).id));
    const client = testClient(sim, { apiKey: READ_ONLY_KEY, concurrency: 2 });
    const requestsBefore = sim.stats().requests.byRoute['POST /v2/alerts/{id}/resolve'] ?? 0;

    const run = await forEachBounded(alertIds, 2, (id) => client.alerts.resolve(id));

    expect(run.done).toEqual([]);
    expect(run.failed.length).toBeLessThanOrEqual(2);
    expect(run.failed.length + run.skipped.length).toBe(alertIds.length);
    const sent = (sim.stats().requests.byRoute['POST /v2/alerts/{id}/resolve'] ?? 0) - requestsBefore;
    expect(sent).toBeLessThanOrEqual(2);
  });
});
