export type RequestCounters = {
  total: number;
  /** Keyed by route pattern, e.g. 'GET /v2/devices/{id}'; unknown paths as 'GET (unmatched)'. */
  byRoute: Record<string, number>;
  rejectedAuth: number;
  rateLimited: number;
  /** Most /v2 requests open at once (answered or not), to check a client's concurrency bound. */
  maxInFlight: number;
};

/** Client mistakes the Levelboard client must never make; tests assert these stay at zero. */
export type RequestViolations = {
  bearer: number;
  limitOver100: number;
};

export class RequestStats {
  private counters: RequestCounters = emptyCounters();
  private violations: RequestViolations = { bearer: 0, limitOver100: 0 };
  private inFlight = 0;

  record(routeKey: string): void {
    this.counters.total++;
    this.counters.byRoute[routeKey] = (this.counters.byRoute[routeKey] ?? 0) + 1;
  }

  /** A request arrived; call the returned function once its response is finished or abandoned. */
  opened(): () => void {
    this.inFlight++;
    this.counters.maxInFlight = Math.max(this.counters.maxInFlight, this.inFlight);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      this.inFlight--;
    };
  }

  rejectedAuth(): void {
    this.counters.rejectedAuth++;
  }

  rateLimited(): void {
    this.counters.rateLimited++;
  }

  violation(kind: keyof RequestViolations): void {
    this.violations[kind]++;
  }

  counts(): RequestCounters {
    return { ...this.counters, byRoute: { ...this.counters.byRoute } };
  }

  withViolations(): RequestCounters & { violations: RequestViolations } {
    return { ...this.counts(), violations: { ...this.violations } };
  }

  reset(): void {
    this.counters = emptyCounters();
    this.violations = { bearer: 0, limitOver100: 0 };
  }
}

function emptyCounters(): RequestCounters {
  return { total: 0, byRoute: {}, rejectedAuth: 0, rateLimited: 0, maxInFlight: 0 };
}
