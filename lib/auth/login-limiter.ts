import 'server-only';

// 5 attempts per client address per minute, and 30 per minute overall so that rotating a
// spoofable forwarded address buys an attacker nothing.
const WINDOW_MS = 60_000;
const PER_CLIENT = 5;
const OVERALL = 30;

export class LoginLimiter {
  private readonly attempts = new Map<string, number[]>();
  private overall: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Records an attempt; returns the seconds to wait when it is over the limit, else 0. */
  attempt(client: string): number {
    const now = this.now();
    const cutoff = now - WINDOW_MS;
    const mine = (this.attempts.get(client) ?? []).filter((t) => t > cutoff);
    this.overall = this.overall.filter((t) => t > cutoff);
    if (mine.length >= PER_CLIENT || this.overall.length >= OVERALL) {
      const oldest = Math.min(
        mine[0] ?? now,
        this.overall.length >= OVERALL ? (this.overall[0] ?? now) : now,
      );
      return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
    }
    mine.push(now);
    this.overall.push(now);
    this.attempts.set(client, mine);
    if (this.attempts.size > 10_000) this.attempts.clear();
    return 0;
  }
}
