import { sendJson } from '@/lib/query/admin';
import { fetchJson, fetchOptionalJson, LevelboardApiError } from '@/lib/query/fetch-json';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The browser's one fetch for Levelboard's API, against a real HTTP server on a free local port:
// each path answers one way, and the server records what it was sent.

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const ANSWERS: Record<string, { status: number; type?: string; body: string; delayMs?: number }> = {
  '/ok': { status: 200, body: '{"devices":3,"names":["a","b"]}' },
  '/not-found': { status: 404, body: '{"error":{"code":"not_found","message":"No such device."}}' },
  '/not-synced': {
    status: 503,
    body: '{"error":{"code":"not_synced","message":"Levelboard is still reading the fleet."}}',
  },
  '/proxy-error': { status: 502, type: 'text/html', body: '<html><body>Bad gateway</body></html>' },
  '/empty-error': { status: 500, body: '' },
  '/message-only': { status: 400, body: '{"error":{"message":"Invalid field \\"limit\\"."}}' },
  '/code-only': { status: 409, body: '{"error":{"code":"conflict"}}' },
  '/odd-error': { status: 418, body: '{"error":"a plain string"}' },
  '/not-json': { status: 200, type: 'text/html', body: '<html>sign in</html>' },
  '/slow': { status: 200, body: '{}', delayMs: 2_000 },
};

let server: Server;
let base = '';
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const path = request.url ?? '';
      seen.push({ method: request.method ?? '', path, headers: request.headers, body });
      const answer = ANSWERS[path.split('?')[0] ?? ''] ?? { status: 200, body: '{"echo":true}' };
      const timer = setTimeout(() => {
        response.writeHead(answer.status, { 'Content-Type': answer.type ?? 'application/json' });
        response.end(answer.body);
      }, answer.delayMs ?? 0);
      response.on('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** What fetchJson rejected with, as plain fields. */
async function failure(path: string) {
  const error = await fetchJson(`${base}${path}`).then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(LevelboardApiError);
  const { status, code, message } = error as LevelboardApiError;
  return { status, code, message };
}

describe('fetchJson', () => {
  it('returns the parsed body of a 2xx answer, asking for JSON', async () => {
    expect(await fetchJson(`${base}/ok`)).toEqual({ devices: 3, names: ['a', 'b'] });
    expect(seen.at(-1)?.headers.accept).toBe('application/json');
  });

  it('turns an error body into an error with its status, code and message', async () => {
    expect(await failure('/not-found')).toEqual({
      status: 404,
      code: 'not_found',
      message: 'No such device.',
    });
    expect(await failure('/not-synced')).toEqual({
      status: 503,
      code: 'not_synced',
      message: 'Levelboard is still reading the fleet.',
    });
  });

  it('still gives a readable error when the body is not ours (a proxy page, nothing, half a shape)', async () => {
    expect(await failure('/proxy-error')).toEqual({
      status: 502,
      code: 'http_error',
      message: 'Levelboard answered 502',
    });
    expect(await failure('/empty-error')).toEqual({
      status: 500,
      code: 'http_error',
      message: 'Levelboard answered 500',
    });
    expect(await failure('/message-only')).toEqual({
      status: 400,
      code: 'http_error',
      message: 'Invalid field "limit".',
    });
    expect(await failure('/code-only')).toEqual({
      status: 409,
      code: 'conflict',
      message: 'Levelboard answered 409',
    });
    expect(await failure('/odd-error')).toEqual({
      status: 418,
      code: 'http_error',
      message: 'Levelboard answered 418',
    });
  });

  it('rejects a 2xx answer that is not JSON rather than returning something else', async () => {
    await expect(fetchJson(`${base}/not-json`)).rejects.toThrow(SyntaxError);
  });

  it('keeps the caller’s method, body and headers, and its own Accept unless the caller sets one', async () => {
    await fetchJson(`${base}/anything`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'X-Extra': 'yes' },
      body: 'hello',
    });
    const request = seen.at(-1);
    expect([request?.method, request?.body]).toEqual(['POST', 'hello']);
    expect(request?.headers).toMatchObject({
      accept: 'application/json',
      'content-type': 'text/plain',
      'x-extra': 'yes',
    });
    await fetchJson(`${base}/anything`, { headers: { Accept: 'text/csv' } });
    expect(seen.at(-1)?.headers.accept).toBe('text/csv');
  });

  it('stops when the query is cancelled', async () => {
    const controller = new AbortController();
    const pending = fetchJson(`${base}/slow`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('fails with a network error, not an API error, when nothing answers', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/ok`;
    await new Promise((resolve) => closed.close(resolve));
    const error = await fetchJson(url).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(LevelboardApiError);
  });
});

describe('fetchOptionalJson', () => {
  it('answers null for a 404 and the body otherwise, and still fails on other errors', async () => {
    expect(await fetchOptionalJson(`${base}/not-found`)).toBeNull();
    expect(await fetchOptionalJson(`${base}/ok`)).toEqual({ devices: 3, names: ['a', 'b'] });
    await expect(fetchOptionalJson(`${base}/not-synced`)).rejects.toMatchObject({
      status: 503,
      code: 'not_synced',
    });
    await expect(fetchOptionalJson(`${base}/proxy-error`)).rejects.toBeInstanceOf(LevelboardApiError);
  });
});

describe('sendJson', () => {
  it('sends its value as a JSON body with the method asked for, and no body when there is none', async () => {
    await sendJson(`${base}/anything`, 'PATCH', { nickname: 'Front desk "2"', groupId: null });
    const patch = seen.at(-1);
    expect(patch?.method).toBe('PATCH');
    expect(patch?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(patch?.body ?? '')).toEqual({ nickname: 'Front desk "2"', groupId: null });
    await sendJson(`${base}/anything`, 'DELETE');
    expect([seen.at(-1)?.method, seen.at(-1)?.body]).toEqual(['DELETE', '']);
  });
});
