import type { Route } from '@/lib/api/handler';
import { alertsRoute } from '@/lib/api/routes/alerts';
import { devicesRoute } from '@/lib/api/routes/devices';
import { eventsRoute } from '@/lib/api/routes/events';
import { fleetClientsRoute } from '@/lib/api/routes/fleet-clients';
import { fleetSummaryRoute } from '@/lib/api/routes/fleet-summary';
import { groupsRoute } from '@/lib/api/routes/groups';
import { healthRoute } from '@/lib/api/routes/health';
import { wallProblemsRoute } from '@/lib/api/routes/wall';
import type { ApiRequest, ApiResult, StreamBody } from '@/lib/api/types';
import { cameOverHttps } from '@/lib/auth/client-address';
import { processWide } from '@/lib/process-wide';
import { HSTS, securityHeaders } from '@/lib/security-headers';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import 'server-only';

// Next's request pipeline costs about a millisecond of CPU per request, which caps a 2-core box
// near 1,000 polls/s. The JSON routes that browsers poll are framework-neutral handlers
// (ApiRequest → ApiResult), so the production server (server/levelboard-server.cjs) offers each
// request here first and hands the rest to Next. The same handlers run either way — same auth,
// validation, metrics and errors; only Next's routing and rendering layer is skipped.

const ROUTES = new Map<string, Route>([
  ['/api/fleet/summary', fleetSummaryRoute],
  ['/api/fleet/clients', fleetClientsRoute],
  ['/api/devices', devicesRoute],
  ['/api/alerts', alertsRoute],
  ['/api/groups', groupsRoute],
  ['/api/health', healthRoute],
  ['/api/wall/problems', wallProblemsRoute],
  ['/api/events', eventsRoute],
]);

const SECURITY_HEADERS = Object.fromEntries(securityHeaders(false).map(({ key, value }) => [key, value]));
const GZIP_MIN_BYTES = 2_048;
const gzipCache = new Map<string, Buffer>();

function gzipped(etag: string | undefined, body: Buffer): Buffer {
  const hit = etag ? gzipCache.get(etag) : undefined;
  if (hit) return hit;
  const zipped = gzipSync(body, { level: 6 });
  if (etag) {
    if (gzipCache.size >= 64) gzipCache.delete(gzipCache.keys().next().value as string);
    gzipCache.set(etag, zipped);
  }
  return zipped;
}

type Headers = Record<string, string | number>;

/**
 * The full header set of a result, built once per shared result (lib/api/respond.ts hands the
 * same object to every poll of unchanged data) and once more for its gzip form.
 */
const plainHeaders = new WeakMap<ApiResult, Headers>();
const gzipHeaders = new WeakMap<ApiResult, Headers>();

function headersFor(result: ApiResult, body: Buffer | undefined, gzip: boolean): Headers {
  const cache = gzip ? gzipHeaders : plainHeaders;
  let headers = cache.get(result);
  if (!headers) {
    headers = { ...SECURITY_HEADERS, ...result.headers };
    if (gzip) {
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Cookie, Accept-Encoding';
    }
    if (body) headers['Content-Length'] = body.length;
    cache.set(result, headers);
  }
  return headers;
}

// A client that reads nothing while events pile up (a frozen tab, a stuck proxy) is cut off
// rather than buffered without end; EventSource reconnects and starts from the current state.
const STREAM_BACKLOG_BYTES = 64 * 1024;

/** A Server-Sent Events answer: headers now, then whatever the hub writes, until either side ends. */
function writeStream(req: IncomingMessage, res: ServerResponse, result: ApiResult, stream: StreamBody): void {
  let headers: Headers = { ...SECURITY_HEADERS, ...result.headers };
  const header = (name: string) => req.headers[name] as string | undefined;
  if (cameOverHttps(req.socket.remoteAddress, header)) headers = { ...headers, [HSTS.key]: HSTS.value };
  // The socket is the stream's alone: when the stream ends (a revoked link, shutdown), the
  // connection closes too, so the browser's reconnect opens a new one — which a stopping server
  // refuses, instead of being served again on this one and holding the shutdown open.
  res.shouldKeepAlive = false;
  res.writeHead(result.status, headers);
  // Events are small and must leave at once: no Nagle delay on this socket.
  req.socket.setNoDelay(true);
  const opened = stream.start({
    write(chunk) {
      if (res.writableLength > STREAM_BACKLOG_BYTES) res.destroy();
      else res.write(chunk);
    },
    end: () => res.end(),
  });
  res.once('close', () => opened.onClose());
}

function write(req: IncomingMessage, res: ServerResponse, result: ApiResult): void {
  if (result.stream) return writeStream(req, res, result, result.stream);
  let body: Buffer | undefined =
    result.body === undefined || Buffer.isBuffer(result.body) ? result.body : Buffer.from(result.body);
  const gzip =
    body !== undefined &&
    body.length >= GZIP_MIN_BYTES &&
    /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  if (gzip && body) body = gzipped(result.headers.ETag, body);
  let headers = headersFor(result, body, gzip);
  const header = (name: string) => req.headers[name] as string | undefined;
  if (cameOverHttps(req.socket.remoteAddress, header)) headers = { ...headers, [HSTS.key]: HSTS.value };
  res.writeHead(result.status, headers);
  res.end(body);
}

/** Returns true when it took the request. */
function fastPath(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' || !req.url) return false;
  const queryAt = req.url.indexOf('?');
  const route = ROUTES.get(queryAt === -1 ? req.url : req.url.slice(0, queryAt));
  if (!route) return false;
  const request: ApiRequest = {
    method: 'GET',
    url: new URL(req.url, 'http://levelboard.local'),
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    remoteAddress: req.socket.remoteAddress,
    text: async () => '',
  };
  const failed = () => {
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
    res.end('{"error":{"code":"internal_error","message":"Something went wrong on the Levelboard server."}}');
  };
  try {
    const outcome = route.handle(request);
    if (outcome instanceof Promise) outcome.then((result) => write(req, res, result), failed);
    else write(req, res, outcome);
  } catch {
    failed();
  }
  return true;
}

/** From now on the production entry offers each request to the fast path first. */
export function installFastPath(): void {
  processWide('edge', () => ({})).fastPath = fastPath;
}
