import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTROL_TOKEN, DEMO, LEVEL_KEY, simulatorOrigin } from './env';

// Steers a simulator through its control API (never with the Level key). "live" is the standalone
// simulator behind the live server; "demo" is the one inside the demo server.
export type SimulatorTarget = 'live' | 'demo';

export interface SimulatorStats {
  devices: { total: number; online: number; offline: number; maintenance: number };
  alerts: { active: Record<'information' | 'warning' | 'critical' | 'emergency', number>; resolved: number };
  requests: { total: number; byRoute: Record<string, number> };
}

function connection(target: SimulatorTarget): { origin: string; controlToken: string } {
  if (target === 'live') return { origin: simulatorOrigin, controlToken: CONTROL_TOKEN };
  return JSON.parse(readFileSync(path.join(DEMO.dataDir, 'demo-simulator.json'), 'utf8')) as {
    origin: string;
    controlToken: string;
  };
}

export async function simulatorControl<T>(
  target: SimulatorTarget,
  method: string,
  pathname: string,
  body?: unknown,
): Promise<T> {
  const { origin, controlToken } = connection(target);
  const response = await fetch(`${origin}${pathname}`, {
    method,
    headers: { 'X-Simulator-Control': controlToken, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${pathname} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const simulator = (target: SimulatorTarget) => ({
  stats: () => simulatorControl<SimulatorStats>(target, 'GET', '/_sim/stats'),
  freeze: (frozen: boolean) => simulatorControl(target, 'POST', '/_sim/clock', { frozen }),
  setFaults: (faults: Record<string, unknown>) => simulatorControl(target, 'PUT', '/_sim/faults', faults),
  resetFaults: () => simulatorControl(target, 'DELETE', '/_sim/faults'),
  /** Device list order and unknown-cursor behaviour (simulator/listing.ts). */
  setListing: (listing: { unknownCursor?: string; deviceOrder?: string }) =>
    simulatorControl(target, 'PUT', '/_sim/listing', listing),
  resetListing: () => simulatorControl(target, 'DELETE', '/_sim/listing'),
  enrolDevice: (groupId: string | null = null) =>
    simulatorControl<{ id: string }>(target, 'POST', '/_sim/devices', { group_id: groupId }),
  setDevice: (id: string, change: { online?: boolean; maintenance_mode?: boolean }) =>
    simulatorControl<{ id: string; online: boolean }>(target, 'POST', `/_sim/devices/${id}`, change),
  openAlert: (alert: { device_id: string; severity: string; name?: string }) =>
    simulatorControl<{ id: string }>(target, 'POST', '/_sim/alerts', alert),
  /** Level's outbound webhooks (simulator/README.md): url, secret, compression, duplicates, … */
  setWebhooks: (settings: Record<string, unknown>) =>
    simulatorControl<WebhookStatus>(target, 'PUT', '/_sim/webhooks', settings),
  webhooks: () => simulatorControl<WebhookStatus>(target, 'GET', '/_sim/webhooks'),
  resetWebhooks: () => simulatorControl<WebhookStatus>(target, 'DELETE', '/_sim/webhooks'),
  rerunWebhook: (eventId: string) =>
    simulatorControl(target, 'POST', '/_sim/webhooks/rerun', { event_id: eventId }),
  sendWebhook: (event: { event_type: string; data?: Record<string, unknown> }) =>
    simulatorControl<{ event_id: string; occurred_at: string }>(
      target,
      'POST',
      '/_sim/webhooks/events',
      event,
    ),
});

export interface WebhookStatus {
  settings: { url: string | null; signed: boolean; compression: number };
  events: number;
  delivered: number;
  failed: number;
  pending: number;
  recent: {
    event_id: string;
    event_type: string;
    kind: 'first' | 'duplicate' | 'rerun';
    outcome: 'pending' | 'delivered' | 'failed';
    attempts: { at: string; status: number | null; error: string | null }[];
  }[];
}

/** Reads the standalone simulator as Level itself (with the key), to see what an action changed. */
export async function levelGet<T>(pathname: string): Promise<T> {
  const response = await fetch(`${simulatorOrigin}/v2${pathname}`, { headers: { Authorization: LEVEL_KEY } });
  if (!response.ok) throw new Error(`GET /v2${pathname} → ${response.status}`);
  return (await response.json()) as T;
}

/** Requests the standalone simulator has answered, by route pattern. */
export async function levelRequests(): Promise<Record<string, number>> {
  return (await simulatorControl<{ byRoute: Record<string, number> }>('live', 'GET', '/_sim/requests'))
    .byRoute;
}
