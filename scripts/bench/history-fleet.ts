// The history benches' fleet: a frozen simulator (its clock is the bench's) and a real
// FleetService over the real client, whose syncs the benches time and record.
import { FleetService } from '@/lib/fleet/fleet-service';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { createLevelClient } from '@/lib/level';
import { startSimulator } from '@/simulator';
import { randomKey } from './support';

/** Levelboard's default sync period, which the benches' simulated time advances by. */
export const SYNC_MS = 30_000;

export async function startFleet(devices: number, clock: () => number) {
  const apiKey = randomKey();
  const sim = await startSimulator({ devices, apiKey, seed: 42, frozen: true, quiet: true, now: clock });
  let requests = 0;
  const client = createLevelClient({
    baseUrl: sim.url,
    apiKey,
    concurrency: 4,
    requestsPerMinute: 1_000_000,
    timeoutMs: 30_000,
    onRequest: () => void (requests += 1),
  });
  const service = new FleetService({
    getClient: () => client,
    intervalMs: SYNC_MS,
    slices: 4,
    requestCount: () => requests,
  });
  const sync = async () => {
    const before = requests;
    const started = performance.now();
    const snapshot = (await service.syncNow()) as FleetSnapshot;
    return { snapshot, durationMs: performance.now() - started, levelRequests: requests - before };
  };
  return { sim, sync };
}
