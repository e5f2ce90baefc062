import 'server-only';

// One gate per client instance; every request to Level passes through it. It enforces, in order:
// a "not before" instant (set from a 429's Retry-After, so nothing is sent while Level asked us to
// wait), a requests-per-minute budget (sliding 60 s window of start times) and a concurrency cap.
// Waiters start in FIFO order. Time is injectable so the logic can be tested without waiting.

export interface RequestGateOptions {
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /** Requests started in any 60 s window. Default 300. */
  requestsPerMinute?: number;
  now?: () => number;
}

export interface RequestGateState {
  inFlight: number;
  queued: number;
  /** Epoch ms before which nothing is sent, or null. */
  pausedUntil: number | null;
}

type Release = () => void;

interface Waiter {
  maxPauseMs: number;
  start: (release: Release) => void;
  refuse: (error: GatePausedError) => void;
}

/** The gate is paused (Retry-After) for longer than the caller agreed to wait. */
export class GatePausedError extends Error {
  constructor(readonly remainingMs: number) {
    super(`requests paused for ${remainingMs} ms`);
    this.name = 'GatePausedError';
  }
}

const WINDOW_MS = 60_000;

export class RequestGate {
  private readonly concurrency: number;
  private readonly perMinute: number;
  private readonly now: () => number;
  private readonly queue: Waiter[] = [];
  private readonly starts: number[] = [];
  private inFlight = 0;
  private notBefore = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RequestGateOptions = {}) {
    this.concurrency = positive(options.concurrency, 4);
    this.perMinute = positive(options.requestsPerMinute, 300);
    this.now = options.now ?? (() => Date.now());
  }

  /**
   * Resolves with a release function once the caller may send. Rejects if `signal` aborts first,
   * or with GatePausedError when a pause longer than `maxPauseMs` is (or becomes) in force, so a
   * caller is not parked for minutes behind a long Retry-After.
   */
  acquire(signal?: AbortSignal, maxPauseMs: number = Number.POSITIVE_INFINITY): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const paused = this.pauseRemainingMs();
    if (paused > maxPauseMs) return Promise.reject(new GatePausedError(paused));
    return new Promise<Release>((resolve, reject) => {
      const leave = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        leave();
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        maxPauseMs,
        start: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
        refuse: (error) => {
          leave();
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await task();
    } finally {
      release();
    }
  }

  /** Holds every request until `instant` (epoch ms). Never moves an existing pause earlier. */
  pauseUntil(instant: number): void {
    if (instant <= this.notBefore) return;
    this.notBefore = instant;
    const remaining = this.pauseRemainingMs();
    for (const waiter of this.queue.filter((w) => w.maxPauseMs < remaining))
      waiter.refuse(new GatePausedError(remaining));
    this.reschedule();
  }

  /** Milliseconds until the current pause ends (0 when not paused). */
  pauseRemainingMs(): number {
    return Math.max(0, this.notBefore - this.now());
  }

  state(): RequestGateState {
    return {
      inFlight: this.inFlight,
      queued: this.queue.length,
      pausedUntil: this.notBefore > this.now() ? this.notBefore : null,
    };
  }

  private reschedule(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.pump();
  }

  private pump(): void {
    if (this.timer !== undefined) return;
    while (this.queue.length > 0 && this.inFlight < this.concurrency) {
      const wait = this.waitBeforeNextStart();
      if (wait > 0) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, wait);
        return;
      }
      const waiter = this.queue.shift();
      if (!waiter) return;
      this.inFlight += 1;
      this.starts.push(this.now());
      waiter.start(this.releaser());
    }
  }

  private waitBeforeNextStart(): number {
    const now = this.now();
    while (this.starts.length > 0 && (this.starts[0] ?? 0) <= now - WINDOW_MS) this.starts.shift();
    const pause = this.notBefore - now;
    const oldest = this.starts[0];
    const budget =
      this.starts.length >= this.perMinute && oldest !== undefined ? oldest + WINDOW_MS - now : 0;
    return Math.max(pause, budget, 0);
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.pump();
    };
  }
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}
