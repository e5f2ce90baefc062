import type { Rng } from '@/simulator/random';
import type { JsonObject } from '@/simulator/types';
import { WEBHOOK_EVENT_TYPES, type WebhookEvent } from '@/simulator/webhook-events';
import {
  applyPatch,
  publicSettings,
  type WebhookSettings,
  type WebhookSettingsPatch,
} from '@/simulator/webhook-settings';
import { createHmac } from 'node:crypto';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Level: up to 3 attempts about 2 minutes (+1–60 s jitter) apart (REFERENCE.md §8). */
export const ATTEMPTS = 3;
export const RETRY_BASE_MS = 120_000;
export const RETRY_JITTER_MS: readonly [number, number] = [1_000, 60_000];
/** Events kept for re-runs (by hand or at random). */
const HISTORY = 1_000;
/** Deliveries listed by GET /_sim/webhooks. */
const RECENT = 100;

type Kind = 'first' | 'duplicate' | 'rerun';
interface Attempt {
  at: string;
  status: number | null;
  error: string | null;
}
interface Delivery {
  event_id: string;
  event_type: string;
  kind: Kind;
  attempts: Attempt[];
  outcome: 'pending' | 'delivered' | 'failed';
}

export interface WebhookSender {
  settings(): WebhookSettings;
  configure(patch: WebhookSettingsPatch): WebhookSettings;
  /** True when an event of this type would be sent; callers skip building it otherwise. */
  wants(eventType: string): boolean;
  send(event: WebhookEvent): void;
  /** Sends a remembered event again (same bytes, same event_id), as Level's "re-run"; false if unknown. */
  rerun(eventId: string): boolean;
  status(): JsonObject;
  /** Forgets counters, the delivery log and the events kept for re-runs (deliveries under way go on). */
  clear(): void;
  /** Resolves once nothing is held, queued or waiting for a retry. */
  idle(): Promise<void>;
  close(): void;
}

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function createWebhookSender(
  initial: WebhookSettings,
  rng: Rng,
  log: (message: string) => void,
  now: () => number = Date.now,
): WebhookSender {
  let settings = initial;
  let closed = false;
  const history = new Map<string, WebhookEvent>();
  const recent: Delivery[] = [];
  const zero = { events: 0, attempts: 0, delivered: 0, failed: 0, retries: 0, duplicates: 0, reruns: 0 };
  const counters = { ...zero };
  let pending = 0;
  let held: WebhookEvent[] = [];
  let holdTimer: NodeJS.Timeout | null = null;
  // First attempts leave one after another, so without reorderMs the receiver sees Level's order.
  let chain: Promise<unknown> = Promise.resolve();
  const timers = new Map<NodeJS.Timeout, () => void>();
  const requests = new Set<ClientRequest>();
  let idleWaiters: (() => void)[] = [];

  const settle = () => {
    if (pending > 0 || held.length > 0) return;
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  };

  /** A timer that close() ends early, so no delivery outlives the simulator. */
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      timers.set(timer, resolve);
    });

  const wants = (eventType: string): boolean =>
    !closed &&
    settings.url !== null &&
    (settings.events === 'all' ||
      !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(eventType) ||
      (settings.events as readonly string[]).includes(eventType));

  function post(event: WebhookEvent): Promise<Attempt> {
    const at = new Date(now()).toISOString();
    const url = settings.url;
    if (url === null) return Promise.resolve({ at, status: null, error: 'webhooks turned off' });
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(event.body)),
      'User-Agent': 'Level-Webhooks (levelboard simulator)',
    };
    // Signed with the secret configured at the moment of the attempt, as a rotated secret would be.
    if (settings.secret !== null) headers['X-Level-Signature'] = signature(settings.secret, event.body);
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const req = send(url, { method: 'POST', headers, timeout: settings.timeoutMs }, (res) => {
        res.resume();
        res.on('end', () => resolve({ at, status: res.statusCode ?? null, error: null }));
        res.on('error', (error) => resolve({ at, status: res.statusCode ?? null, error: error.message }));
      });
      requests.add(req);
      req.on('close', () => requests.delete(req));
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (error) => resolve({ at, status: null, error: error.message }));
      req.end(event.body);
    });
  }

  async function attempt(event: WebhookEvent, entry: Delivery): Promise<boolean> {
    const result = await post(event);
    counters.attempts++;
    entry.attempts.push(result);
    return result.status !== null && result.status >= 200 && result.status < 300;
  }

  const retryDelay = () =>
    (RETRY_BASE_MS + rng.int(RETRY_JITTER_MS[0], RETRY_JITTER_MS[1])) / settings.compression;

  async function deliver(event: WebhookEvent, kind: Kind): Promise<void> {
    const entry: Delivery = {
      event_id: event.eventId,
      event_type: event.eventType,
      kind,
      attempts: [],
      outcome: 'pending',
    };
    recent.push(entry);
    if (recent.length > RECENT) recent.shift();
    let delivered = false;
    for (let n = 1; n <= ATTEMPTS && !closed && !delivered; n++) {
      if (n > 1) {
        counters.retries++;
        await wait(retryDelay());
        if (closed) break;
      }
      if (n === 1) {
        const first = chain.then(() => attempt(event, entry));
        chain = first.catch(() => false);
        delivered = await first;
      } else delivered = await attempt(event, entry);
    }
    entry.outcome = delivered ? 'delivered' : 'failed';
    if (delivered) counters.delivered++;
    else {
      counters.failed++;
      const last = entry.attempts.at(-1);
      log(`webhook ${event.eventType} ${event.eventId} failed: ${last?.error ?? `HTTP ${last?.status}`}`);
    }
    if (kind !== 'first' || closed) return;
    if (delivered && rng.chance(settings.duplicates)) dispatch(event, 'duplicate');
    if (rng.chance(settings.reruns)) {
      const older = [...history.values()].filter((e) => e.eventId !== event.eventId);
      if (older.length > 0) dispatch(rng.pick(older), 'rerun');
    }
  }

  function dispatch(event: WebhookEvent, kind: Kind): void {
    if (closed || settings.url === null) return;
    if (kind === 'duplicate') counters.duplicates++;
    if (kind === 'rerun') counters.reruns++;
    pending++;
    void deliver(event, kind).finally(() => {
      pending--;
      settle();
    });
  }

  function flushHeld(): void {
    holdTimer = null;
    const batch = held.reverse();
    held = [];
    for (const event of batch) dispatch(event, 'first');
    settle();
  }

  return {
    settings: () => settings,
    configure(patch) {
      settings = applyPatch(settings, patch);
      // Turning reordering off sends what is held at once rather than leaving it behind.
      if (settings.reorderMs === 0 && holdTimer !== null) {
        clearTimeout(holdTimer);
        flushHeld();
      }
      return settings;
    },
    wants,
    send(event) {
      if (!wants(event.eventType)) return;
      counters.events++;
      history.set(event.eventId, event);
      if (history.size > HISTORY) history.delete(history.keys().next().value as string);
      if (settings.reorderMs <= 0) return dispatch(event, 'first');
      held.push(event);
      holdTimer ??= setTimeout(flushHeld, settings.reorderMs);
      holdTimer.unref();
    },
    rerun(eventId) {
      const event = history.get(eventId);
      if (event === undefined) return false;
      dispatch(event, 'rerun');
      return true;
    },
    status: () => ({
      settings: publicSettings(settings),
      ...counters,
      pending,
      held: held.length,
      recent: recent.map((d) => ({
        event_id: d.event_id,
        event_type: d.event_type,
        kind: d.kind,
        outcome: d.outcome,
        attempts: d.attempts.map((a) => ({ at: a.at, status: a.status, error: a.error })),
      })),
    }),
    clear() {
      Object.assign(counters, zero);
      recent.length = 0;
      history.clear();
    },
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settle();
      }),
    close() {
      closed = true;
      if (holdTimer !== null) clearTimeout(holdTimer);
      held = [];
      for (const [timer, resolve] of timers) {
        clearTimeout(timer);
        resolve();
      }
      timers.clear();
      for (const req of requests) req.destroy();
      settle();
    },
  };
}
