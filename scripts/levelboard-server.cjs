/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry beside Next's CommonJS server.js */
// Production entry (copied beside Next's standalone server.js): Next's server, with the polled JSON
// routes offered to Levelboard's fast path first (see lib/server/fast-path.ts). Until the app
// has installed the fast path — and for every other request — Next handles everything.
//
// It is also the edge that sees the raw request before Next does:
// - the TCP peer is stamped on every request as PEER_HEADER (any copy the client sent is deleted
//   first) and announced on globalThis, so route handlers know the real socket address
//   (lib/auth/client-address.ts); without this entry they never trust that header;
// - an API body declared larger than the limit is refused at once, unread, and the connection
//   closed (chunked bodies are capped while read, in lib/api/handler.ts);
// - TRACE, TRACK and CONNECT get 405 and a path with malformed %-escapes 400, instead of reaching
//   Next, which answers them with a 500 and logs a stack trace.
const http = require('node:http');

const PEER_HEADER = 'x-levelboard-peer';
// The largest body any API route accepts (lib/api/body.ts MAX_BODY).
const MAX_API_BODY = 64 * 1024;
const REFUSED_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);
const ALLOWED = 'GET, HEAD, POST, PUT, PATCH, DELETE';

globalThis.__levelboardPeerHeader = PEER_HEADER;

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

function stampPeer(req) {
  delete req.headers[PEER_HEADER];
  const raw = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i].toLowerCase() !== PEER_HEADER) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  const peer = req.socket.remoteAddress ?? '';
  raw.push(PEER_HEADER, peer);
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
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
  if (pathname.startsWith('/api/') && Number(req.headers['content-length']) > MAX_API_BODY) {
    // Connection: close ends the exchange without reading the rest of the body.
    refuse(res, 413, 'payload_too_large', `Request body is too large (limit ${MAX_API_BODY} bytes).`, {
      Connection: 'close',
    });
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
      if (refused(req, res)) return;
      const fastPath = globalThis.__levelboardFastPath;
      if (fastPath && fastPath(req, res)) return;
      return nextListener.call(this, req, res);
    };
  }
  const server = createServer.apply(this, args);
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
