import { encodeId } from '@/simulator/ids';
import type { Rng } from '@/simulator/random';
import type { FleetStore } from '@/simulator/store';
import type { AutomationRecord, DeviceRecord, JsonObject, RunRecord, RunStatus } from '@/simulator/types';

const FAILURE_RATE = 0.1;

/**
 * One run per device (or one device-less run when no device_ids were sent). Runs advance one
 * stage per evolution step: pending → running → succeeded/failed. A frozen simulator has no steps,
 * so there runs are created already finished — a client polling a frozen simulator still sees an end.
 */
export function createRuns(
  store: FleetStore,
  rng: Rng,
  automation: AutomationRecord,
  devices: readonly (DeviceRecord | null)[],
  variables: Record<string, string>,
  nowMs: number,
  frozen: boolean,
): RunRecord[] {
  return devices.map((device) => {
    const willFail = rng.chance(FAILURE_RATE);
    const run: RunRecord = {
      n: store.next.run++,
      automationN: automation.n,
      deviceN: device?.n ?? null,
      deviceHostname: device?.hostname ?? null,
      status: frozen ? (willFail ? 'failed' : 'succeeded') : 'pending',
      willFail,
      startedMs: nowMs,
      endedMs: frozen ? nowMs : null,
      variables,
    };
    store.addRun(run);
    return run;
  });
}

export function advanceRuns(store: FleetStore, nowMs: number): void {
  for (const run of store.unfinishedRuns) {
    if (run.status === 'pending') {
      run.status = 'running';
      continue;
    }
    run.status = run.willFail ? 'failed' : 'succeeded';
    run.endedMs = nowMs;
    store.unfinishedRuns.delete(run);
  }
}

export function runJson(store: FleetStore, run: RunRecord, includeSteps: boolean): JsonObject {
  const automation = store.automation(run.automationN);
  const base: JsonObject = {
    id: encodeId('AutomationRun', run.n),
    automation_id: encodeId('Automation', run.automationN),
    automation_name: automation?.name ?? null,
    device_id: run.deviceN === null ? null : encodeId('Device', run.deviceN),
    device_hostname: run.deviceHostname,
    status: run.status,
    started_at: new Date(run.startedMs).toISOString(),
    ended_at: run.endedMs === null ? null : new Date(run.endedMs).toISOString(),
  };
  if (!includeSteps) return base;
  return { ...base, steps: steps(automation?.steps ?? [], run.status) };
}

function steps(names: readonly string[], status: RunStatus): JsonObject[] {
  // A failed run fails on its last step; a running one is midway.
  const failAt = status === 'failed' ? names.length - 1 : -1;
  const runningAt = status === 'running' ? Math.floor(names.length / 2) : -1;
  return names.map((name, i) => {
    let stepStatus: string;
    if (status === 'pending' || (status === 'running' && i > runningAt)) stepStatus = 'pending';
    else if (i === runningAt) stepStatus = 'running';
    else if (i === failAt) stepStatus = 'failed';
    else stepStatus = 'succeeded';
    const output =
      stepStatus === 'succeeded'
        ? `${name}: completed (exit code 0)`
        : stepStatus === 'failed'
          ? `${name}: failed (exit code 1)\nAccess is denied.`
          : '';
    return { name, status: stepStatus, output };
  });
}
