import type { Store } from '@/lib/db/open';
import type { DeliveryOutcome, NotificationMessage } from '@/lib/domain/notifications';
import type { ChannelDriver } from '@/lib/notify/channels/driver';
import type { ResolveChannel } from '@/lib/notify/deliver';
import { enqueueMessages } from '@/lib/notify/outbox-write';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

// For the sender's tests: a real HTTP receiver on 127.0.0.1 that counts what it accepted per
// delivery id, and a minimal real driver that POSTs the message to it (the real drivers are another
// part of issue 19). The status mapping is the one every driver follows: 2xx sent; 429 and 5xx,
// 408 and no answer retried (429 with its Retry-After); any other 4xx failed for good.

export const DELIVERY_HEADER = 'x-levelboard-delivery';

export interface ReceivedRequest {
  id: string;
  message: NotificationMessage;
}

/** What the receiver does with a request: answer it, or hold it open and never answer. */
export type Answer =
  { status: number; headers?: Record<string, string>; body?: string; delayMs?: number } | 'hang';

export interface TestReceiver {
  url: string;
  /** Every request that arrived, in order (also the ones not answered). */
  received: ReceivedRequest[];
  /** Per delivery id: how many times it was answered with a 2xx. */
  accepted: Map<string, number>;
  /** Decides the answer to each request; 200 by default. */
  answer: (request: ReceivedRequest, index: number) => Answer;
  /** Resolves when `received` reaches n requests. */
  waitForRequests(n: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<TestReceiver> {
  const hung = new Set<ServerResponse>();
  const waiters: { n: number; resolve: () => void }[] = [];
  const receiver: TestReceiver = {
    url: '',
    received: [],
    accepted: new Map(),
    answer: () => ({ status: 200, body: 'ok' }),
    waitForRequests: (n) =>
      receiver.received.length >= n
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ n, resolve })),
    close: () =>
      new Promise((resolve) => {
        for (const response of hung) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const id = String(request.headers[DELIVERY_HEADER] ?? '');
      const entry: ReceivedRequest = { id, message: JSON.parse(body) as NotificationMessage };
      const index = receiver.received.push(entry) - 1;
      for (const waiter of waiters.filter((w) => receiver.received.length >= w.n)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const answer = receiver.answer(entry, index);
      if (answer === 'hang') {
        hung.add(response);
        return;
      }
      const send = () => {
        if (response.destroyed) return; // the sender went away first: nothing was accepted
        if (answer.status >= 200 && answer.status < 300)
          receiver.accepted.set(id, (receiver.accepted.get(id) ?? 0) + 1);
        response.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
        response.end(answer.body ?? '');
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}

function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export const testDriver: ChannelDriver<{ url: string }, null> = {
  kind: 'webhook',
  configSchema: z.object({ url: z.string() }),
  secretSchema: z.null(),
  async send(message, { config }, { timeoutMs }): Promise<DeliveryOutcome> {
    try {
      const response = await fetch(config.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [DELIVERY_HEADER]: message.id },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const answer = (await response.text()).slice(0, 500);
      const status = response.status;
      if (status >= 200 && status < 300) return { result: 'sent', status, answer };
      if (status === 429 || status === 408 || status >= 500) {
        const after = status === 429 ? retryAfterMs(response.headers.get('retry-after'), Date.now()) : null;
        return { result: 'retry', status, error: `HTTP ${status}`, retryAfterMs: after, answer };
      }
      return { result: 'failed', status, error: `HTTP ${status}`, answer };
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return {
        result: 'retry',
        status: null,
        error: timedOut ? `No answer within ${timeoutMs} ms` : 'Could not reach the receiver',
        retryAfterMs: null,
        answer: null,
      };
    }
  },
};

/** Channels as the sender sees them, read straight from the table (no sealed secret in these). */
export function testResolveChannel(store: Store): ResolveChannel {
  return async (id) => {
    const row = await store.db
      .selectFrom('notification_channels')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    return {
      channel: {
        id: row.id,
        name: row.name,
        kind: row.kind,
        config: JSON.parse(row.config) as unknown,
        secret: null,
        enabled: row.enabled === 1,
        ratePerMinute: row.rate_per_minute,
      },
      driver: testDriver as ChannelDriver,
    };
  };
}

export async function insertChannel(
  store: Store,
  options: { url: string; ratePerMinute?: number; enabled?: boolean; id?: string; name?: string },
): Promise<string> {
  const id = options.id ?? randomUUID();
  await store.db
    .insertInto('notification_channels')
    .values({
      id,
      name: options.name ?? `Hook ${id.slice(0, 4)}`,
      kind: 'webhook',
      config: JSON.stringify({ url: options.url }),
      secret: null,
      enabled: options.enabled === false ? 0 : 1,
      rate_per_minute: options.ratePerMinute ?? 60,
      created_at: 0,
      updated_at: 0,
    })
    .execute();
  return id;
}

export function testMessage(id: string, title = `Test ${id.slice(0, 8)}`): NotificationMessage {
  return {
    id,
    kind: 'trigger',
    ruleId: null,
    ruleName: null,
    severity: 'critical',
    title,
    summary: 'A test',
    items: [],
    moreCount: 0,
    url: 'http://levelboard.test/',
    createdAt: new Date(0).toISOString(),
  };
}

/** Writes n pending messages for a channel (ids returned in order). */
export async function enqueueTest(
  store: Store,
  channelId: string,
  n: number,
  now: number,
): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  await enqueueMessages(
    store.db,
    ids.map((id) => ({ id, channelId, ruleId: null, kind: 'trigger' as const, message: testMessage(id) })),
    now,
  );
  return ids;
}

/** Polls until the condition holds (tests wait for outcomes, never for a time). */
export async function until(condition: () => boolean | Promise<boolean>, what: string, limitMs = 20_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > limitMs) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
