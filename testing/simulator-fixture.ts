import { createLevelClient, type LevelClientOptions } from '@/lib/level/client';
import { startSimulator, type RunningSimulator } from '@/simulator';
import { expect } from 'vitest';

// Shared by the simulator-backed client tests: distinctive keys (so a leak is detectable), a
// client with short backoff, and access to the simulator's request counters.

export const API_KEY = 'lvl-test-key-7f3a9c2e51d84b06';
export const READ_ONLY_KEY = 'lvl-readonly-key-0b5e3d9a17c2f486';

export function startTestSimulator(devices = 300): Promise<RunningSimulator> {
  return startSimulator({
    devices,
    seed: 1,
    apiKey: API_KEY,
    readOnlyKey: READ_ONLY_KEY,
    frozen: true,
    port: 0,
    quiet: true,
  });
}

export function testClient(sim: RunningSimulator, overrides: Partial<LevelClientOptions> = {}) {
  return createLevelClient({
    baseUrl: sim.url,
    apiKey: API_KEY,
    backoffBaseMs: 20,
    backoffMaxMs: 100,
    ...overrides,
  });
}

/** Requests the simulator has seen for one route pattern, e.g. `GET /v2/devices`. */
export function routeCount(sim: RunningSimulator, route: string): number {
  return sim.stats().requests.byRoute[route] ?? 0;
}

interface RequestReport {
  violations: { bearer: number; limitOver100: number };
}

/** Reads the violation counters over the HTTP control API, as an outside observer would. */
export async function expectNoViolations(sim: RunningSimulator): Promise<void> {
  const response = await fetch(`${sim.origin}/_sim/requests`, {
    headers: { 'X-Simulator-Control': API_KEY },
  });
  expect(response.status).toBe(200);
  const report = (await response.json()) as RequestReport;
  expect(report.violations).toEqual({ bearer: 0, limitOver100: 0 });
}

/** The error must not carry `secret` in any form a log line or a response could pick up. */
export function expectSecretAbsent(error: unknown, secret: string): void {
  expect(error).toBeInstanceOf(Error);
  const e = error as Error;
  expect(String(e)).not.toContain(secret);
  expect(e.message).not.toContain(secret);
  expect(JSON.stringify(e)).not.toContain(secret);
  expect(e.stack ?? '').not.toContain(secret);
  expect(
    JSON.stringify(
      Object.getOwnPropertyNames(e).map((k) => String((e as unknown as Record<string, unknown>)[k])),
    ),
  ).not.toContain(secret);
}

/** Captured error from a promise expected to reject. */
export async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
