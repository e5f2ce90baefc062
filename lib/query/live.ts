import { queryKeys } from '@/lib/query/keys';
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';

// Live push, browser side (issue 17): one EventSource per tab on /api/events (lib/api/live on
// the server). Each event says a version changed — the snapshot's, or the acknowledgements' —
// and names nothing else, so the tab invalidates the queries that depend on it and react-query
// refetches the visible ones at once (cheap: unchanged answers are 304s).
//
// Polling stays exactly as it was: it is the fallback when the stream is down, and it still
// carries what no event announces (sync progress and errors, "synced 5 s ago", history). A poll
// that finds nothing new costs a 304 from memory, so slowing it while the stream is healthy
// would save little and add a second way for a screen to go quiet.

export type LiveKind = 'snapshot' | 'acknowledgements';

/** What each kind of event makes stale. History is left to its own poll: it changes per sync. */
export function keysFor(kind: LiveKind): QueryKey[] {
  if (kind === 'acknowledgements') return [queryKeys.alerts(), queryKeys.wall(), queryKeys.devices()];
  return [queryKeys.fleet(), queryKeys.devices(), queryKeys.groups(), queryKeys.alerts(), queryKeys.wall()];
}

/** At most one invalidation a second: a burst of webhooks should not restart every fetch each tick. */
export const INVALIDATE_EVERY_MS = 1_000;
/** When the browser gives up on the stream (an HTTP error), we try again: 2 s doubling to 30 s. */
export const RECONNECT_MIN_MS = 2_000;
export const RECONNECT_MAX_MS = 30_000;

interface SourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface LiveDeps {
  open(url: string): SourceLike;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const CLOSED = 2;

/**
 * The tab's one stream. Compares each announced version with the last one seen (the first
 * event of every connection states the current versions), so a reconnect after a server
 * restart catches up on whatever changed meanwhile without a reload.
 */
export class LiveConnection {
  private source: SourceLike | null = null;
  private seen = new Map<string, string>();
  private reconnectTimer: unknown = null;
  private failures = 0;
  private pending = new Set<LiveKind>();
  private flushTimer: unknown = null;
  private lastFlush = Number.NEGATIVE_INFINITY;
  /** Set after the stream dropped: whatever the next connection says, refetch once. */
  private missed = false;
  private stopped = false;

  constructor(
    private readonly client: QueryClient,
    private readonly deps: LiveDeps,
    private readonly url = '/api/events',
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.source?.close();
    this.source = null;
    if (this.reconnectTimer !== null) this.deps.clearTimeout(this.reconnectTimer);
    if (this.flushTimer !== null) this.deps.clearTimeout(this.flushTimer);
    this.reconnectTimer = this.flushTimer = null;
  }

  private connect(): void {
    this.reconnectTimer = null;
    if (this.stopped) return;
    const source = this.deps.open(this.url);
    this.source = source;
    source.onopen = () => {
      this.failures = 0;
    };
    source.onerror = () => {
      this.missed = true;
      // CONNECTING: the browser reconnects by itself after the server's retry hint. CLOSED: it
      // gave up (an HTTP error such as a proxy's 502 during a restart, or a 401), so we retry.
      if (source.readyState !== CLOSED || this.source !== source) return;
      source.close();
      this.retryLater();
    };
    source.addEventListener('snapshot', (event) => this.seenVersion('snapshot', event.data));
    source.addEventListener('acknowledgements', (event) => this.seenVersion('acknowledgements', event.data));
    source.addEventListener('ended', () => {
      // The session or link no longer opens anything: the next answers are 401s, which the page
      // shows as "ended" (components/layout/session-ended-gate.tsx, the wall's banner). Ask now.
      source.close();
      this.source = null;
      this.pending.add('snapshot');
      this.flush();
      this.retryLater();
    });
  }

  private retryLater(): void {
    if (this.stopped || this.reconnectTimer !== null) return;
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** this.failures);
    this.failures += 1;
    this.reconnectTimer = this.deps.setTimeout(() => this.connect(), delay);
  }

  private seenVersion(kind: LiveKind, data: string): void {
    const before = this.seen.get(kind);
    this.seen.set(kind, data);
    if (this.missed && kind === 'snapshot') {
      this.missed = false;
      this.pending.add('snapshot');
      this.pending.add('acknowledgements');
    } else if (before !== undefined && before !== data) this.pending.add(kind);
    if (this.pending.size) this.schedule();
  }

  private schedule(): void {
    if (this.flushTimer !== null) return;
    const wait = Math.max(0, this.lastFlush + INVALIDATE_EVERY_MS - this.deps.now());
    if (wait === 0) this.flush();
    else
      this.flushTimer = this.deps.setTimeout(() => {
        this.flushTimer = null;
        this.flush();
      }, wait);
  }

  private flush(): void {
    this.lastFlush = this.deps.now();
    const keys = new Map<string, QueryKey>();
    for (const kind of this.pending) for (const key of keysFor(kind)) keys.set(JSON.stringify(key), key);
    this.pending.clear();
    for (const queryKey of keys.values()) void this.client.invalidateQueries({ queryKey });
  }
}

const browserDeps: LiveDeps = {
  open: (url) => new EventSource(url),
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
  now: () => Date.now(),
};

// One stream per tab whoever asks for it (the dashboard layout, the wall), counted by users.
let shared: { connection: LiveConnection; client: QueryClient; users: number } | null = null;

/** Keeps the tab's stream open while mounted, invalidating this query client's queries. */
export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    if (!shared || shared.client !== client) {
      shared?.connection.stop();
      shared = { connection: new LiveConnection(client, browserDeps), client, users: 0 };
      shared.connection.start();
    }
    const mine = shared;
    mine.users += 1;
    return () => {
      mine.users -= 1;
      if (mine.users === 0 && shared === mine) {
        mine.connection.stop();
        shared = null;
      }
    };
  }, [client]);
}
