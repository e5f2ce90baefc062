import http from 'node:http';
import net from 'node:net';
import { Readable } from 'node:stream';

// Plain node:http requests for what Playwright's request context cannot do: choose the local
// address (127.0.0.2 is another client on Linux loopback), send exotic methods, stream bodies.

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function rawRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    localAddress?: string;
  } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        localAddress: options.localAddress,
        agent: false,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

export interface StreamedUpload {
  /** Null when the connection was reset before an answer could be read. */
  status: number | null;
  /** Bytes of the body handed to the socket before the answer arrived. */
  sentBeforeAnswer: number;
  /** Whether the server closed the connection after answering. */
  closedByServer: boolean;
  ms: number;
}

/**
 * POSTs a body of `size` bytes generated on the fly (never held in memory) and stops sending as
 * soon as the answer arrives. `declared`: send Content-Length, else chunked.
 */
export function streamUpload(
  url: string,
  size: number,
  options: { declared: boolean; headers?: Record<string, string>; localAddress?: string },
): Promise<StreamedUpload> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const source = new Readable({
      read() {
        if (answered || sent >= size) return void this.push(null);
        const piece = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += piece.length;
        this.push(piece);
      },
    });
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers };
    if (options.declared) headers['Content-Length'] = String(size);
    const request = http.request(
      url,
      { method: 'POST', headers, agent: false, localAddress: options.localAddress },
      (response) => {
        answered = true;
        const sentBeforeAnswer = sent;
        const status = response.statusCode ?? 0;
        response.resume();
        const socket = response.socket;
        let settled = false;
        const finish = (closedByServer: boolean) => {
          if (settled) return;
          settled = true;
          source.unpipe(request);
          request.destroy();
          resolve({ status, sentBeforeAnswer, closedByServer, ms: performance.now() - started });
        };
        socket.once('end', () => finish(true));
        socket.once('close', () => finish(true));
        setTimeout(() => finish(false), 3_000);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      // A server that stops reading and closes can reset the connection before its answer is read.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') {
        answered = true;
        resolve({
          status: null,
          sentBeforeAnswer: sent,
          closedByServer: true,
          ms: performance.now() - started,
        });
      } else reject(error);
    });
    source.pipe(request);
  });
}

/** Sends a bare request head over a plain socket (CONNECT is not a request Node's client sends) and returns the status. */
export function rawStatus(url: string, method: string, target: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () =>
      socket.write(`${method} ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`),
    );
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1] ?? -1)));
    socket.setTimeout(10_000, () => socket.destroy());
  });
}
