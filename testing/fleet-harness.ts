import { FleetService } from '@/lib/fleet/fleet-service';
import { createLevelClient } from '@/lib/level';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '@/simulator';

export interface FleetHarness {
  sim: RunningSimulator;
  service: FleetService;
  /** Every request the client sent: when it started and when its answer arrived (epoch ms). */
  requests: { startedAt: number; answeredAt: number; status: number | null; path: string }[];
  /** From now on the service talks to Level with this key (as after a key saved in Settings). */
  useKey(key: string): void;
  close(): Promise<void>;
}

/** A real simulator over HTTP and a fleet service reading it, as the server wires them. */
export async function startFleetHarness(
  simOptions: Partial<SimulatorOptions> = {},
  service: {
    intervalMs?: number;
    timeoutMs?: number;
    maxRetries?: number;
    clientKey?: string;
    fullWalkEvery?: number;
  } = {},
): Promise<FleetHarness> {
  const apiKey = simOptions.apiKey ?? 'harness-key-0123456789';
  const sim = await startSimulator({
    devices: 300,
    seed: 7,
    frozen: true,
    quiet: true,
    ...simOptions,
    apiKey,
  });
  const requests: FleetHarness['requests'] = [];
  const clientFor = (key: string) =>
    createLevelClient({
      baseUrl: sim.url,
      apiKey: key,
      timeoutMs: service.timeoutMs ?? 2_000,
      maxRetries: service.maxRetries ?? 1,
      backoffBaseMs: 20,
      backoffMaxMs: 100,
      onRequest: (info) =>
        requests.push({
          startedAt: info.startedAt,
          answeredAt: info.startedAt + info.durationMs,
          status: info.status,
          path: info.path,
        }),
    });
  let client = clientFor(service.clientKey ?? apiKey);
  const fleet = new FleetService({
    getClient: () => client,
    intervalMs: service.intervalMs ?? 60_000,
    fullWalkEvery: service.fullWalkEvery,
    requestCount: () => requests.length,
  });
  return {
    sim,
    service: fleet,
    requests,
    useKey: (key) => {
      client = clientFor(key);
    },
    async close() {
      fleet.stop();
      await sim.close();
    },
  };
}
