import {
  validateAdaptiveCardMessage,
  validateMessageCard,
  validateSlackMessage,
} from '@/testing/notify-receivers/validate-cards';
import {
  validateLevelboardWebhook,
  validateNtfyPublish,
  validatePagerdutyEvent,
} from '@/testing/notify-receivers/validate-events';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

// One loopback HTTP server that plays Teams, Slack, ntfy, PagerDuty and a webhook receiver. Each
// request is recorded and checked against its channel's documented shape; a wrong shape is
// answered 400 (401 for a bad token or signature), as the real service would. failNext() makes
// the next requests fail the ways receivers do: 500, 429 with Retry-After, a hang, a slow answer,
// a dropped connection, a refusal, or an answer that echoes the request (secret-leak tests).

export type HttpKind = 'teams' | 'slack' | 'ntfy' | 'pagerduty' | 'webhook';

export type FailMode =
  | { mode: 'status'; status: number; body?: string }
  | { mode: 'rate-limit'; retryAfter: string }
  | { mode: 'hang' }
  | { mode: 'slow'; delayMs: number }
  | { mode: 'drop' }
  | { mode: 'echo'; status: number };

export interface ReceivedRequest {
  kind: HttpKind | 'unknown';
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  json: unknown;
  problems: string[];
  status: number;
}

export interface HttpReceiverOptions {
  /** The webhook channel's signing secret (the receiver verifies with it). */
  webhookSecret?: string;
  /** When set, ntfy requests must carry it as a Bearer token. */
  ntfyToken?: string | null;
  /** When set, PagerDuty events must carry this routing key. */
  routingKey?: string | null;
}

const SUCCESS: Record<HttpKind, (request: ReceivedRequest) => { status: number; body: string }> = {
  // Workflows answer 202 with no body.
  teams: () => ({ status: 202, body: '' }),
  slack: () => ({ status: 200, body: 'ok' }),
  ntfy: (request) => ({
    status: 200,
    body: JSON.stringify({
      id: randomBytes(6).toString('hex'),
      time: Math.floor(Date.now() / 1000),
      event: 'message',
      topic: request.path.slice(6),
    }),
  }),
  pagerduty: (request) => ({
    status: 202,
    body: JSON.stringify({
      status: 'success',
      message: 'Event processed',
      dedup_key: (request.json as { dedup_key?: string } | null)?.dedup_key,
    }),
  }),
  webhook: () => ({ status: 200, body: '{"ok":true}' }),
};

export async function startHttpReceiver(options: HttpReceiverOptions = {}) {
  const webhookSecret = options.webhookSecret ?? 'receiver-signing-secret-0123456789';
  // Path tokens play the secret part of a Teams or Slack URL.
  const token = randomBytes(12).toString('hex');
  const received: ReceivedRequest[] = [];
  const failures: FailMode[] = [];
  const sockets = new Set<Socket>();
  const hung = new Set<ServerResponse>();

  function check(
    kind: HttpKind | 'unknown',
    request: IncomingMessage,
    path: string,
    raw: string,
    json: unknown,
  ) {
    const query = new URL(path, 'http://x').searchParams;
    switch (kind) {
      case 'teams':
        return {
          problems:
            query.get('format') === 'message_card'
              ? validateMessageCard(json)
              : validateAdaptiveCardMessage(json, Buffer.byteLength(raw)),
          status: 400,
        };
      case 'slack':
        return { problems: validateSlackMessage(json), status: 400 };
      case 'pagerduty':
        return { problems: validatePagerdutyEvent(json, options.routingKey ?? null), status: 400 };
      case 'ntfy':
        return validateNtfyPublish(
          path.slice('/ntfy/'.length).split('?')[0] ?? '',
          request.headers,
          raw,
          options.ntfyToken ?? null,
        );
      case 'webhook':
        return validateLevelboardWebhook(request.headers, raw, webhookSecret);
      default:
        return { problems: ['no receiver at this path'], status: 404 };
    }
  }

  function kindOf(path: string): HttpKind | 'unknown' {
    if (path.startsWith(`/teams/${token}`)) return 'teams';
    if (path.startsWith(`/slack/${token}`)) return 'slack';
    if (path.startsWith('/ntfy/')) return 'ntfy';
    if (path === '/pagerduty/v2/enqueue') return 'pagerduty';
    if (path === '/webhook') return 'webhook';
    return 'unknown';
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = request.url ?? '/';
      const kind = kindOf(path);
      let json: unknown = null;
      try {
        json = raw && kind !== 'ntfy' ? JSON.parse(raw) : null;
      } catch {
        json = null;
      }
      const failure = failures.shift();
      const entry: ReceivedRequest = {
        kind,
        method: request.method ?? '',
        path,
        headers: request.headers,
        raw,
        json,
        problems: [],
        status: 0,
      };
      received.push(entry);
      const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
        entry.status = status;
        response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
        response.end(body);
      };
      if (failure) {
        switch (failure.mode) {
          case 'status':
            return answer(failure.status, failure.body ?? `failure ${failure.status}`);
          case 'rate-limit':
            return answer(429, 'Too many requests', { 'Retry-After': failure.retryAfter });
          case 'hang':
            hung.add(response);
            return;
          case 'drop':
            request.socket.destroy();
            return;
          case 'echo':
            // A careless receiver quoting the request: the URL, its query and the auth header.
            return answer(
              failure.status,
              `bad request to ${path} host ${request.headers.host ?? ''} auth ${request.headers.authorization ?? ''} body ${raw.slice(0, 200)}`,
            );
          case 'slow':
            break;
        }
      }
      const { problems, status } = check(kind, request, path, raw, json);
      entry.problems = problems;
      const reply = () =>
        problems.length > 0
          ? answer(status, JSON.stringify({ error: 'invalid', problems }), {
              'Content-Type': 'application/json',
            })
          : (() => {
              const ok = SUCCESS[kind as HttpKind](entry);
              answer(ok.status, ok.body);
            })();
      if (failure?.mode === 'slow') setTimeout(reply, failure.delayMs);
      else reply();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    base,
    token,
    webhookSecret,
    /** The URL a channel of this kind is given (Teams/Slack: its secret; ntfy: the server). */
    url(kind: HttpKind, variant?: { format?: 'message_card' }): string {
      switch (kind) {
        case 'teams':
          return `${base}/teams/${token}/workflows/invoke?sig=${token}sig${variant?.format ? `&format=${variant.format}` : ''}`;
        case 'slack':
          return `${base}/slack/${token}/T000/B000/XXXXXXXXXXXX`;
        case 'ntfy':
          return `${base}/ntfy`;
        case 'pagerduty':
          return `${base}/pagerduty/v2/enqueue`;
        case 'webhook':
          return `${base}/webhook`;
      }
    },
    received,
    /** Requests of one kind that passed the shape check. */
    accepted: (kind: HttpKind) =>
      received.filter(
        (request) => request.kind === kind && request.problems.length === 0 && request.status < 300,
      ),
    /** The next `count` requests (any kind) fail this way. */
    failNext(count: number, failure: FailMode) {
      for (let index = 0; index < count; index += 1) failures.push(failure);
    },
    reset() {
      received.length = 0;
      failures.length = 0;
    },
    async close() {
      for (const response of hung) response.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type HttpReceiver = Awaited<ReturnType<typeof startHttpReceiver>>;
