import { sseComment, sseEvent, sseRetry } from '@/lib/api/live/sse';

// Live push (issue 17): every open /api/events stream of the process hangs off one hub. One
// ticker compares what the polled answers depend on (the snapshot's version and local revision,
// its staleness, the acknowledgements' version) with what it last announced and writes the
// difference to every stream — so no other module needs an event bus: a sync, a replicated
// version, an admin action's patch or a webhook's patch all surface the same way, within one
// tick. The ticker runs only while a stream is open.
//
// What goes out is a version number and nothing else: it names no device, group or alert, so
// it is the same for every caller whatever their scope. Each stream also re-checks its caller's
// access now and then and ends when the session or the link no longer opens anything.

export interface LiveState {
  /** `version.localRevision` of the snapshot in memory, or null before the first. */
  snapshot: string | null;
  stale: boolean;
  /** The acknowledgements' version, or null before their first load. */
  acknowledgements: number | null;
}

/** Where a stream's bytes go: the fast path's socket or Next's ReadableStream. */
export interface StreamSink {
  write(chunk: string): void;
  end(): void;
}

/** Whether the caller may still read: checked every `accessEveryMs`. */
export type AccessCheck = () => boolean | Promise<boolean>;

export interface HubOptions {
  read: () => LiveState;
  /** How often the ticker compares. */
  tickMs?: number;
  /** A comment this often keeps proxies and browsers from calling the stream idle. */
  heartbeatMs?: number;
  /** How often each stream's session or link is checked again. */
  accessEveryMs?: number;
  /** The `retry:` hint: how long a browser waits before reconnecting. */
  retryMs?: number;
  now?: () => number;
}

interface OpenStream {
  sink: StreamSink;
  allowed: AccessCheck;
  checkedAt: number;
  checking: boolean;
  closed: boolean;
}

export const LIVE_DEFAULTS = { tickMs: 250, heartbeatMs: 15_000, accessEveryMs: 1_000, retryMs: 2_000 };

const sameState = (a: LiveState, b: LiveState) =>
  a.snapshot === b.snapshot && a.stale === b.stale && a.acknowledgements === b.acknowledgements;

/** The events that tell a browser about `state` (all of it when `before` is null). */
export function eventsFor(state: LiveState, before: LiveState | null): string {
  let out = '';
  if (state.snapshot !== null && (before?.snapshot !== state.snapshot || before.stale !== state.stale))
    out += sseEvent('snapshot', { version: state.snapshot, stale: state.stale });
  if (state.acknowledgements !== null && before?.acknowledgements !== state.acknowledgements)
    out += sseEvent('acknowledgements', { version: state.acknowledgements });
  return out;
}

export class StreamHub {
  private readonly streams = new Set<OpenStream>();
  private readonly options: Required<HubOptions>;
  private timer: ReturnType<typeof setInterval> | null = null;
  private last: LiveState | null = null;
  private lastWriteAt = 0;
  private shutDown = false;

  constructor(options: HubOptions) {
    this.options = {
      tickMs: options.tickMs ?? LIVE_DEFAULTS.tickMs,
      heartbeatMs: options.heartbeatMs ?? LIVE_DEFAULTS.heartbeatMs,
      accessEveryMs: options.accessEveryMs ?? LIVE_DEFAULTS.accessEveryMs,
      retryMs: options.retryMs ?? LIVE_DEFAULTS.retryMs,
      read: options.read,
      now: options.now ?? Date.now,
    };
  }

  get size(): number {
    return this.streams.size;
  }

  /**
   * Starts a stream: the retry hint and the current state at once (so a reconnecting browser
   * can tell what it missed), then every change. Returns the function to call when the client
   * goes away.
   */
  open(sink: StreamSink, allowed: AccessCheck): () => void {
    if (this.shutDown) {
      sink.end();
      return () => {};
    }
    const stream: OpenStream = {
      sink,
      allowed,
      checkedAt: this.options.now(),
      checking: false,
      closed: false,
    };
    if (this.timer) this.tick();
    else this.start();
    this.streams.add(stream);
    this.send(stream, sseRetry(this.options.retryMs) + eventsFor(this.last ?? this.options.read(), null));
    return () => this.drop(stream);
  }

  /**
   * Ends every stream and refuses new ones: at shutdown the server waits for open requests to
   * finish, and a stream never would.
   */
  shutdown(): void {
    this.shutDown = true;
    this.closeAll();
  }

  /** Ends every stream (tests). */
  closeAll(): void {
    for (const stream of [...this.streams]) this.end(stream);
  }

  /** One comparison; public so tests can drive it without timers. */
  tick(): void {
    const now = this.options.now();
    const state = this.options.read();
    const changes = this.last && !sameState(state, this.last) ? eventsFor(state, this.last) : '';
    this.last = state;
    let chunk = changes;
    if (!chunk && now - this.lastWriteAt >= this.options.heartbeatMs) chunk = sseComment('heartbeat');
    if (chunk) {
      this.lastWriteAt = now;
      for (const stream of [...this.streams]) this.send(stream, chunk);
    }
    for (const stream of [...this.streams]) {
      if (!stream.checking && now - stream.checkedAt >= this.options.accessEveryMs) this.check(stream, now);
    }
  }

  private start(): void {
    this.last = this.options.read();
    this.lastWriteAt = this.options.now();
    this.timer = setInterval(() => this.tick(), this.options.tickMs);
    this.timer.unref?.();
  }

  private check(stream: OpenStream, now: number): void {
    stream.checkedAt = now;
    const verdict = (allowed: boolean) => {
      stream.checking = false;
      if (allowed) return;
      // Said before hanging up, so the tab asks its queries at once (and shows "revoked")
      // instead of reconnecting, being refused, and waiting for its next poll.
      this.send(stream, sseEvent('ended', { reason: 'access' }));
      this.end(stream);
    };
    let answer: boolean | Promise<boolean>;
    try {
      answer = stream.allowed();
    } catch {
      answer = false;
    }
    if (typeof answer === 'boolean') return verdict(answer);
    stream.checking = true;
    // A check that fails (the database is away) keeps the stream: the next check decides.
    answer.then(verdict, () => verdict(true));
  }

  private send(stream: OpenStream, chunk: string): void {
    if (stream.closed) return;
    try {
      stream.sink.write(chunk);
    } catch {
      this.drop(stream);
    }
  }

  private end(stream: OpenStream): void {
    if (stream.closed) return;
    this.drop(stream);
    try {
      stream.sink.end();
    } catch {
      // already gone
    }
  }

  private drop(stream: OpenStream): void {
    stream.closed = true;
    this.streams.delete(stream);
    if (this.streams.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
      this.last = null;
    }
  }
}
