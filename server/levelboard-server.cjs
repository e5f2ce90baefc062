/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry beside Next's CommonJS server.js */
// Production entry (copied beside Next's standalone server.js): Next's server, with the polled JSON
// routes offered to Levelboard's fast path first (see server/fast-path.ts). Until the app
// has installed the fast path — and for every other request — Next handles everything.
//
// It is also the edge that sees the raw request before Next does:
// - the TCP peer is stamped on every request as PEER_HEADER (any copy the client sent is deleted
//   first) and announced in the process-wide registry (lib/process-wide.ts, `edge`), so route
//   handlers know the real socket address (lib/auth/client-address.ts); without this entry they
//   never trust that header;
// - a body declared larger than any route accepts is refused at once, unread, and the connection
//   closed (chunked bodies are capped while read, in lib/api/handler.ts);
// - TRACE, TRACK and CONNECT get 405 and a path with malformed %-escapes 400, instead of reaching
//   Next, which answers them with a 500 and logs a stack trace.
const http = require('node:http');

const PEER_HEADER = 'x-levelboard-peer';
// The largest body any route accepts (lib/api/body.ts MAX_BODY); pages take none.
const MAX_BODY = 64 * 1024;
const REFUSED_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);
const ALLOWED = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const LINGER_MS = 2_000;

// The app's process-wide registry (lib/process-wide.ts): this entry runs first and creates it.
const edge = ((globalThis.__levelboard ??= {}).edge ??= {});
edge.peerHeader = PEER_HEADER;

function refuse(res, status, code, message, extra = {}) {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(body);
}

/** A response written straight to a socket that never became a request. */
function bare(status, reason) {
  const allow = status === 405 ? `Allow: ${ALLOWED}\r\n` : '';
  return `HTTP/1.1 ${status} ${reason}\r\n${allow}Content-Length: 0\r\nConnection: close\r\n\r\n`;
}

/**
 * 413 for a body declared too large, without reading it. Node destroys the socket right after a
 * `Connection: close` answer, and closing a socket with the body still arriving sends a TCP
 * reset, which can discard the answer before the client reads it. So the answer is written
 * here, our side closed, and the socket stops being read: the client's sends stall on a full
 * window (nothing more crosses into this process) while it reads the 413; after a moment the
 * socket is destroyed (a lingering close, as nginx does, minus the reading).
 */
function refuseBody(req) {
  const body = JSON.stringify({
    error: { code: 'payload_too_large', message: `Request body is too large (limit ${MAX_BODY} bytes).` },
  });
  const socket = req.socket;
  socket.end(
    'HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
  req.pause();
  socket.pause();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  socket.once('close', () => clearTimeout(timer));
}

/**
 * A chunked body states no length, so the route's capped reader (lib/api/handler.ts) stops it:
 * 413 after 64 KB. Next then destroys the request, which resets a connection that still has body
 * arriving and can discard the 413 before the client reads it. So that destroy waits a moment
 * (the rest is dropped unread meanwhile), as in refuseBody; the answer goes out first.
 */
function lingerBeforeDestroy(req, res) {
  const destroy = req.destroy;
  req.destroy = function lingeringDestroy(error) {
    req.destroy = destroy;
    if (req.complete || req.socket.destroyed) return destroy.call(req, error);
    req.resume();
    setTimeout(() => destroy.call(req, error), LINGER_MS).unref();
    return req;
  };
  res.once('finish', () => {
    if (!req.complete) setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  });
}

function stampPeer(req) {
  const peer = req.socket.remoteAddress ?? '';
  // Next builds its headers from req.headers; rawHeaders is kept in step in case anything reads it.
  if (PEER_HEADER in req.headers) {
    const raw = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      if (req.rawHeaders[i].toLowerCase() !== PEER_HEADER) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
    }
    req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
  }
  req.rawHeaders.push(PEER_HEADER, peer);
  req.headers[PEER_HEADER] = peer;
}

/** Answers the requests Next should never see; true when it did. */
function refused(req, res) {
  const url = req.url ?? '/';
  if (REFUSED_METHODS.has(req.method)) {
    refuse(res, 405, 'method_not_allowed', `${req.method} is not allowed.`, {
      Allow: ALLOWED,
    });
    return true;
  }
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  try {
    decodeURIComponent(pathname);
  } catch {
    refuse(res, 400, 'bad_request', 'The request path has a malformed %-escape.');
    return true;
  }
  if (Number(req.headers['content-length']) > MAX_BODY) {
    refuseBody(req);
    return true;
  }
  return false;
}

const createServer = http.createServer;
http.createServer = function levelboardCreateServer(...args) {
  const index = args.findIndex((arg) => typeof arg === 'function');
  if (index !== -1) {
    const nextListener = args[index];
    args[index] = function levelboardListener(req, res) {
      stampPeer(req);
      // Once the server is closing (SIGTERM: Next calls server.close() and waits for every
      // connection to end), no answer keeps its connection alive: a browser's keep-alive sockets
      // would otherwise carry its polls and stream reconnects on and on, holding the exit open.
      if (!this.listening) res.shouldKeepAlive = false;
      if (refused(req, res)) return;
      if (req.headers['transfer-encoding']) lingerBeforeDestroy(req, res);
      const fastPath = edge.fastPath;
      if (fastPath && fastPath(req, res)) return;
      return nextListener.call(this, req, res);
    };
  }
  const server = createServer.apply(this, args);
  // Node closes an idle keep-alive connection after 5 s; a client that sends on it at that
  // moment gets a reset (seen as ECONNRESET on a plain GET). Proxies and API clients keep idle
  // connections longer, so the server outlasts them: 65 s, above the usual 60 s of load balancers.
  // Next's KEEP_ALIVE_TIMEOUT, when set, still wins (server.js applies it after this).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Node hands CONNECT to a 'connect' listener, and its parser rejects unknown methods (TRACK)
  // before any listener runs; both get the same 405. Other parse errors keep Node's answers.
  server.on('connect', (_req, socket) => socket.end(bare(405, 'Method Not Allowed')));
  server.on('clientError', (error, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    if (error.code === 'HPE_INVALID_METHOD') return socket.end(bare(405, 'Method Not Allowed'));
    if (error.code === 'HPE_HEADER_OVERFLOW') return socket.end(bare(431, 'Request Header Fields Too Large'));
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return socket.end(bare(408, 'Request Timeout'));
    socket.end(bare(400, 'Bad Request'));
  });
  return server;
};

require('./server.js');
