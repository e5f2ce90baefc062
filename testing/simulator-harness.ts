// Shared by the *.test.ts files: boots a real simulator on port 0 and talks to it with fetch.
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '@/simulator';

export const KEY = 'sim-test-key-read-write-0123456789';
export const READ_ONLY_KEY = 'sim-test-key-read-only-0123456789';
export const CONTROL = 'sim-test-control-token';
export const FIXED_NOW = Date.parse('2026-05-04T12:00:00.000Z');

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonRecord = { [key: string]: JsonValue };

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: JsonValue;
}

export interface Harness {
  sim: RunningSimulator;
  /** Sends with the read-write key unless `key` is given (null = no Authorization header). */
  call(method: string, path: string, body?: unknown, key?: string | null): Promise<Reply>;
  get(path: string, key?: string | null): Promise<Reply>;
  control(method: string, path: string, body?: unknown, token?: string): Promise<Reply>;
  /** Every item of a list, following starting_after while has_more (limit=100). */
  walk(path: string): Promise<JsonRecord[]>;
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  let body: JsonValue = null;
  try {
    body = JSON.parse(text) as JsonValue;
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, text, body };
}

export async function boot(options: Partial<SimulatorOptions> = {}): Promise<Harness> {
  const sim = await startSimulator({
    apiKey: KEY,
    readOnlyKey: READ_ONLY_KEY,
    controlToken: CONTROL,
    frozen: true,
    quiet: true,
    now: () => FIXED_NOW,
    ...options,
  });
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    key: string | null = KEY,
  ): Promise<Reply> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (key !== null) headers.Authorization = key;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const init: RequestInit = {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    return reply(await fetch(`${sim.url}${path}`, init));
  };
  const control = async (method: string, path: string, body?: unknown, token = CONTROL): Promise<Reply> => {
    const headers: Record<string, string> = { 'X-Simulator-Control': token };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return reply(
      await fetch(`${sim.origin}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  };
  const walk = async (path: string): Promise<JsonRecord[]> => {
    const items: JsonRecord[] = [];
    const sep = path.includes('?') ? '&' : '?';
    let after: string | null = null;
    for (let guard = 0; guard < 10_000; guard++) {
      const page = await call('GET', `${path}${sep}limit=100${after ? `&starting_after=${after}` : ''}`);
      if (page.status !== 200) throw new Error(`walk ${path}: ${page.status} ${page.text}`);
      const { data, has_more } = page.body as { data: JsonRecord[]; has_more: boolean };
      items.push(...data);
      if (!has_more) return items;
      after = String(data[data.length - 1]?.id);
    }
    throw new Error('walk did not finish');
  };
  return { sim, call, get: (path, key) => call('GET', path, undefined, key), control, walk };
}

export const list = (reply: Reply): JsonRecord[] => (reply.body as { data: JsonRecord[] }).data;
export const obj = (reply: Reply): JsonRecord => reply.body as JsonRecord;
export const gid = (id: JsonValue | undefined): string =>
  Buffer.from(String(id), 'base64url').toString('utf8');
export const idOf = (type: string, n: number): string =>
  Buffer.from(`gid://level/${type}/${n}`).toString('base64url');
