import { LevelboardApiError } from '@/lib/query/fetch-json';
import { backoffDelay } from '@/lib/wall/self-care';

// The wall's link to its Levelboard server, fed by every wall poll: how many polls failed in a
// row, since when (polls back off from it), and whether the session itself was refused (a revoked
// link, an ended admin session), which retrying will not fix.

export interface ConnectionState {
  failures: number;
  /** When the first of the current run of failures happened. */
  downSince: number | null;
  lastOkAt: number | null;
  /** 401: the link was revoked or expired, or the admin session ended. */
  refused: boolean;
}

export interface Connection {
  get(): ConnectionState;
  subscribe(listener: () => void): () => void;
  ok(now?: number): void;
  failed(error: unknown, now?: number): void;
  /** The next poll's delay for a query whose normal period is `baseMs`. */
  delay(baseMs: number, now?: number): number;
}

export function createConnection(): Connection {
  let state: ConnectionState = { failures: 0, downSince: null, lastOkAt: null, refused: false };
  const listeners = new Set<() => void>();
  const set = (next: ConnectionState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const ok = (now = Date.now()) => {
    if (state.failures === 0 && !state.refused && state.lastOkAt !== null && now - state.lastOkAt < 1_000)
      return;
    set({ failures: 0, downSince: null, lastOkAt: now, refused: false });
  };
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ok,
    failed(error, now = Date.now()) {
      const refused = error instanceof LevelboardApiError && error.status === 401;
      // Levelboard itself answered (e.g. 503 before its first sync): the link to it is fine. A bare
      // status without our error body comes from something in between (a proxy): the server is gone.
      const answered = error instanceof LevelboardApiError && error.code !== 'http_error';
      if (answered && !refused) return ok(now);
      set({ ...state, failures: state.failures + 1, downSince: state.downSince ?? now, refused });
    },
    delay: (baseMs, now = Date.now()) =>
      backoffDelay(baseMs, state.downSince === null ? 0 : now - state.downSince),
  };
}
