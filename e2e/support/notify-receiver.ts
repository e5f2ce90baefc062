import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP receiver on 127.0.0.1 for the notification specs: /ok answers 200 with a text,
// /fail answers 500; every request is kept so a spec can check what arrived.

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: (path: '/ok' | '/fail') => string;
  received: Received[];
  close: () => Promise<void>;
}

export const RECEIVER_OK_TEXT = 'accepted by the e2e receiver';
export const RECEIVER_FAIL_TEXT = 'the e2e receiver broke';

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const ok = path === '/ok';
      response.writeHead(ok ? 200 : 500, { 'Content-Type': 'text/plain' });
      response.end(ok ? RECEIVER_OK_TEXT : RECEIVER_FAIL_TEXT);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
