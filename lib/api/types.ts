// Framework-neutral request/result for Levelboard's API handlers: Next's route files and the
// production fast path (server/fast-path.ts) both adapt to these, so one handler serves both.

export interface ApiRequest {
  method: string;
  url: URL;
  /** Lower-case header name → value, or undefined. */
  header(name: string): string | undefined;
  /** The TCP peer's address, when the server knows it (the production entry always does). */
  remoteAddress?: string;
  /** The request body as text (empty for GET). */
  text(): Promise<string>;
  /** The request body's exact bytes (signed webhooks); read either this or `text`, once. */
  bytes?(): Promise<Buffer>;
}

export interface ApiResult {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
  /**
   * A streamed answer (Server-Sent Events): once the status and headers are written, the
   * transport calls this with a sink for the rest; `onClose` runs when the client goes away.
   */
  stream?: StreamBody;
}

export interface StreamBody {
  start(sink: { write(chunk: string): void; end(): void }): { onClose(): void };
}

export function json(value: unknown, status = 200, headers: Record<string, string> = {}): ApiResult {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
    body: JSON.stringify(value),
  };
}
