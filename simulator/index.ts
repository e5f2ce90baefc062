import { handleApi } from '@/simulator/api';
import { handleControl } from '@/simulator/control';
import { createFaultController, type FaultController } from '@/simulator/faults';
import { generateFleet } from '@/simulator/fleet-generator';
import { sendError } from '@/simulator/http-io';
import type { ListingSettings } from '@/simulator/listing';
import { createRng, mixSeed } from '@/simulator/random';
import { createRateLimiter } from '@/simulator/rate-limit';
import { RequestStats, type RequestCounters } from '@/simulator/request-stats';
import { SimulatorState, type FleetCounts } from '@/simulator/state';
import { changeData, webhookEvent } from '@/simulator/webhook-events';
import { createWebhookSender, type WebhookSender } from '@/simulator/webhook-sender';
import { DEFAULT_WEBHOOK_SETTINGS, type WebhookSettings } from '@/simulator/webhook-settings';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type { Drift, FaultController, FaultSettings } from '@/simulator/faults';
export { decodeId, encodeId } from '@/simulator/ids';
export type { DeviceOrder, ListingSettings, UnknownCursor } from '@/simulator/listing';
export type { RequestCounters, RequestViolations } from '@/simulator/request-stats';
export type { DeviceStatusChange, FleetCounts, OpenAlertInput } from '@/simulator/state';
export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/simulator/webhook-events';
export { signature as webhookSignature, type WebhookSender } from '@/simulator/webhook-sender';
export type { WebhookSettings } from '@/simulator/webhook-settings';
export { SimulatorState };

export interface SimulatorOptions {
  /** Fleet size, default 250; 1 to 200 000 (tested 10 to 50 000). */
  devices?: number;
  /** Default 1; same seed (and `now`) → identical fleet. */
  seed?: number;
  /** Read-write key; the Authorization header must equal it exactly. */
  apiKey: string;
  /** GETs allowed; POST/PATCH/DELETE → 403. */
  readOnlyKey?: string;
  /** Value of the X-Simulator-Control header for /_sim/*; default = apiKey. */
  controlToken?: string;
  host?: string;
  port?: number;
  /** Time-evolution period, default 10 000 ms. */
  tickMs?: number;
  /** No time evolution until unfrozen (tests). `state.tick()` still works. */
  frozen?: boolean;
  /** Default 0 = unlimited. */
  rateLimitPerMinute?: number;
  quiet?: boolean;
  /** Level's outbound webhooks (off unless `url` is set); changeable later via `webhooks.configure`. */
  webhooks?: Partial<WebhookSettings>;
  /** Device list order and unknown-cursor behaviour (simulator/listing.ts); default by id, keyset. */
  listing?: Partial<ListingSettings>;
  /** Clock for generated and evolved timestamps, default Date.now; fix it for byte-identical fleets. */
  now?: () => number;
}

export type SimulatorStats = FleetCounts & { requests: RequestCounters };

export interface RunningSimulator {
  /** Base URL including /v2, e.g. http://127.0.0.1:41234/v2 */
  url: string;
  origin: string;
  port: number;
  state: SimulatorState;
  faults: FaultController;
  webhooks: WebhookSender;
  stats(): SimulatorStats;
  /** Closes the server, clears timers, destroys open sockets (hung "timeout" requests included). */
  close(): Promise<void>;
}

function validate(options: SimulatorOptions): void {
  const { devices = 250, tickMs = 10_000, rateLimitPerMinute = 0 } = options;
  if (typeof options.apiKey !== 'string' || options.apiKey === '')
    throw new Error('startSimulator: apiKey is required');
  if (!Number.isInteger(devices) || devices < 1 || devices > 200_000)
    throw new Error('startSimulator: devices must be an integer from 1 to 200000');
  if (!Number.isFinite(tickMs) || tickMs < 10) throw new Error('startSimulator: tickMs must be at least 10');
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 0)
    throw new Error('startSimulator: rateLimitPerMinute must be a non-negative integer');
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  validate(options);
  const seed = options.seed ?? 1;
  const now = options.now ?? Date.now;
  const host = options.host ?? '127.0.0.1';
  const log = options.quiet ? () => {} : (message: string) => console.error(message);
  const state = new SimulatorState(
    generateFleet({ devices: options.devices ?? 250, seed, nowMs: now() }),
    seed,
    options.frozen ?? false,
    now,
    options.listing,
  );
  state.store.clock = now;
  const faults = createFaultController();
  const stats = new RequestStats();
  const hung = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let origin = '';
  const webhookStartup: WebhookSettings = { ...DEFAULT_WEBHOOK_SETTINGS, ...options.webhooks };
  const webhooks = createWebhookSender(webhookStartup, createRng(mixSeed(seed, 0x3eb0)), log, now);
  // Every change the store makes becomes an event — but only while someone is configured to hear it.
  state.store.observer = (change) => {
    if (webhooks.wants(change.kind))
      webhooks.send(webhookEvent(change.kind, changeData(state.store, change), now()));
  };
  const snapshot = (): SimulatorStats => ({ ...state.counts(), requests: stats.counts() });

  const apiContext = {
    state,
    faults,
    stats,
    hung,
    log,
    limiter: createRateLimiter(),
    rng: createRng(mixSeed(seed, 0xfa17)),
    apiKey: options.apiKey,
    readOnlyKey: options.readOnlyKey,
    baseRateLimit: options.rateLimitPerMinute ?? 0,
    fallbackOrigin: () => origin,
  };
  const controlContext = {
    state,
    faults,
    stats,
    controlToken: options.controlToken ?? options.apiKey,
    snapshot,
    webhooks,
    webhookStartup,
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const path = url.pathname;
    const work =
      path === '/_sim' || path.startsWith('/_sim/')
        ? handleControl(controlContext, req, res, url)
        : path === '/v2' || path.startsWith('/v2/')
          ? handleApi(apiContext, req, res, url)
          : Promise.resolve(sendError(res, 404, 'Not found'));
    work.catch((error: unknown) => {
      log(`simulator: unhandled ${String(error)}`);
      sendError(res, 500, 'Internal server error');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const reachableHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  origin = `http://${reachableHost}:${port}`;

  const timer = setInterval(() => {
    if (!state.isFrozen()) state.tick();
  }, options.tickMs ?? 10_000);
  timer.unref();

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      clearInterval(timer);
      webhooks.close();
      server.close(() => resolve());
      for (const res of hung) res.destroy();
      hung.clear();
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
    });
    return closing;
  };

  log(`Level simulator listening on ${origin}/v2 (${state.store.devices.length} devices, seed ${seed})`);
  return { url: `${origin}/v2`, origin, port, state, faults, webhooks, stats: snapshot, close };
}
