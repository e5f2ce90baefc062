import 'server-only';

// One gate per client instance; every request to Level passes through it. It enforces, in order:
// a "not before" instant (set from a 429's Retry-After, so nothing is sent while Level asked us to
// wait), a requests-per-minute budget (sliding 60 s window of start times) and a concurrency cap.
// Time is injectable so the logic can be tested without waiting.
//
// Two lanes. `sync` (the fleet sync, admin actions) always goes first. `demand` (device detail a
// viewer asked for) starts only when no sync request is waiting, and never holds more than its
// share of the concurrency and of the minute's budget: the rest is reserved for syncs, so a flood
// of detail requests cannot make a sync wait for more than the demand requests already in flight.
// `background` (the posture sync: updates and security walks) starts only when neither other lane
// has a waiter, one request at a time, within its own small share of the minute's budget, so the
// fleet sync and a viewer never wait behind it for more than one request.
// Within a lane, waiters start in FIFO order.

export interface RequestGateOptions {
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /** Requests started in any 60 s window. Default 300. */
  requestsPerMinute?: number;
  /** The part of the concurrency and of the budget the `demand` lane may use. Default 0.25. */
  demandShare?: number;
  /** The part of the minute's budget the `background` lane may use. Default 0.15 (45 of 300: enough for 50,000 devices' daily updates). */
  backgroundShare?: number;
  now?: () => number;
}

export type GateLane = 'sync' | 'demand' | 'background';

export interface RequestGateState {
  inFlight: number;
  queued: number;
  /** Epoch ms before which nothing is sent, or null. */
  pausedUntil: number | null;
  /** Of the above, the `demand` lane's. */
  demand: { inFlight: number; queued: number };
}

type Release = () => void;

interface Waiter {
  lane: GateLane;
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
  private readonly demandConcurrency: number;
  private readonly demandPerMinute: number;
  private readonly backgroundPerMinute: number;
  private readonly queues: Record<GateLane, Waiter[]> = { sync: [], demand: [], background: [] };
  private readonly starts: number[] = [];
  private readonly demandStarts: number[] = [];
  private readonly backgroundStarts: number[] = [];
  private inFlight = 0;
  private demandInFlight = 0;
  private backgroundInFlight = 0;
  private notBefore = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RequestGateOptions = {}) {
    this.concurrency = positive(options.concurrency, 4);
    this.perMinute = positive(options.requestsPerMinute, 300);
    const share = Math.min(1, Math.max(0, options.demandShare ?? 0.25));
    this.demandConcurrency = Math.max(1, Math.floor(this.concurrency * share));
    this.demandPerMinute = Math.max(1, Math.floor(this.perMinute * share));
    const background = Math.min(1, Math.max(0, options.backgroundShare ?? 0.15));
    this.backgroundPerMinute = Math.max(1, Math.floor(this.perMinute * background));
    this.now = options.now ?? (() => Date.now());
  }

  /**
   * Resolves with a release function once the caller may send. Rejects if `signal` aborts first,
   * or with GatePausedError when a pause longer than `maxPauseMs` is (or becomes) in force, so a
   * caller is not parked for minutes behind a long Retry-After.
   */
  acquire(
    signal?: AbortSignal,
    maxPauseMs: number = Number.POSITIVE_INFINITY,
    lane: GateLane = 'sync',
  ): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const paused = this.pauseRemainingMs();
    if (paused > maxPauseMs) return Promise.reject(new GatePausedError(paused));
    return new Promise<Release>((resolve, reject) => {
      const queue = this.queues[lane];
      const leave = () => {
        const index = queue.indexOf(waiter);
        if (index >= 0) queue.splice(index, 1);
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        leave();
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        lane,
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
      queue.push(waiter);
      this.pump();
    });
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal, lane: GateLane = 'sync'): Promise<T> {
    const release = await this.acquire(signal, Number.POSITIVE_INFINITY, lane);
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
    for (const waiter of [...this.queues.sync, ...this.queues.demand, ...this.queues.background].filter(
      (w) => w.maxPauseMs < remaining,
    ))
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
      queued: this.queues.sync.length + this.queues.demand.length + this.queues.background.length,
      pausedUntil: this.notBefore > this.now() ? this.notBefore : null,
      demand: { inFlight: this.demandInFlight, queued: this.queues.demand.length },
    };
  }

  private reschedule(): void {
    this.pump();
  }

  private pump(): void {
    // Recomputed on every call: a sync request arriving while the demand lane waits for its
    // budget must not wait on the demand lane's timer.
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    for (;;) {
      const lane = this.nextLane();
      if (!lane) return;
      const wait = this.waitBeforeNextStart(lane);
      if (wait > 0) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, wait);
        return;
      }
      const waiter = this.queues[lane].shift();
      if (!waiter) return;
      const now = this.now();
      this.inFlight += 1;
      this.starts.push(now);
      if (lane === 'demand') {
        this.demandInFlight += 1;
        this.demandStarts.push(now);
      } else if (lane === 'background') {
        this.backgroundInFlight += 1;
        this.backgroundStarts.push(now);
      }
      waiter.start(this.releaser(lane));
    }
  }

  /** The lane whose head may start next (ignoring time), or null. */
  private nextLane(): GateLane | null {
    if (this.inFlight >= this.concurrency) return null;
    if (this.queues.sync.length > 0) return 'sync';
    if (this.queues.demand.length > 0) return this.demandInFlight < this.demandConcurrency ? 'demand' : null;
    if (this.queues.background.length > 0 && this.backgroundInFlight < 1) return 'background';
    return null;
  }

  private waitBeforeNextStart(lane: GateLane): number {
    const now = this.now();
    for (const starts of [this.starts, this.demandStarts, this.backgroundStarts])
      while (starts.length > 0 && (starts[0] ?? 0) <= now - WINDOW_MS) starts.shift();
    const pause = this.notBefore - now;
    const budget = windowWait(this.starts, this.perMinute, now);
    const share =
      lane === 'demand'
        ? windowWait(this.demandStarts, this.demandPerMinute, now)
        : lane === 'background'
          ? windowWait(this.backgroundStarts, this.backgroundPerMinute, now)
          : 0;
    return Math.max(pause, budget, share, 0);
  }

  private releaser(lane: GateLane): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      if (lane === 'demand') this.demandInFlight -= 1;
      if (lane === 'background') this.backgroundInFlight -= 1;
      this.pump();
    };
  }
}

/** How long until a window holding `starts` has room for one more under `limit`. */
function windowWait(starts: number[], limit: number, now: number): number {
  const oldest = starts[starts.length - limit];
  return starts.length >= limit && oldest !== undefined ? oldest + WINDOW_MS - now : 0;
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}
