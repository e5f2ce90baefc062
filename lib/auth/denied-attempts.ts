import { audit, updateAuditDetail } from '@/lib/auth/audit';
import type { Store } from '@/lib/db/open';
import { logger } from '@/lib/logger';
import { processWide } from '@/lib/process-wide';
import 'server-only';

// Rate-limited sign-in attempts are counted, not written one by one: a flood would otherwise be
// a flood of audit rows. Each address gets one row per window, written at its first refusal (so
// an attack shows at once) and whose count is brought up to date every few seconds and when the
// window closes. Past MAX_ADDRESSES addresses in a window, the rest share one row without an
// address, so a botnet costs at most that many rows a minute too.

const WINDOW_MS = 60_000;
const MAX_ADDRESSES = 100;
const OVERFLOW = '*';

interface Tally {
  started: number;
  attempts: number;
  written: number;
  id: Promise<number>;
}

export class DeniedAttemptLog {
  private readonly tallies = new Map<string, Tally>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one refused attempt from `address`; writes a row only for the first in its window. */
  async record(address: string): Promise<void> {
    const now = this.now();
    let key = address;
    if (!this.tallies.has(key) && this.openWindows(now) >= MAX_ADDRESSES) key = OVERFLOW;
    const tally = this.tallies.get(key);
    if (tally && now - tally.started < WINDOW_MS) {
      tally.attempts += 1;
      return;
    }
    if (tally) await this.write(tally, key);
    const fresh: Tally = {
      started: now,
      attempts: 1,
      written: 1,
      id: audit(
        this.store,
        {
          actor: 'anonymous',
          action: 'login',
          result: 'denied',
          detail: this.detail(key, 1),
          ip: key === OVERFLOW ? null : key,
        },
        now,
      ),
    };
    this.tallies.set(key, fresh);
    await fresh.id;
  }

  /** Writes every count that grew; forgets windows that have closed. */
  async flush(): Promise<void> {
    const now = this.now();
    for (const [key, tally] of [...this.tallies]) {
      await this.write(tally, key);
      if (now - tally.started >= WINDOW_MS) this.tallies.delete(key);
    }
  }

  private openWindows(now: number): number {
    let open = 0;
    for (const tally of this.tallies.values()) if (now - tally.started < WINDOW_MS) open += 1;
    return open;
  }

  private detail(key: string, attempts: number) {
    return key === OVERFLOW
      ? { reason: 'rate_limited', attempts, addresses: 'many', windowSeconds: WINDOW_MS / 1000 }
      : { reason: 'rate_limited', attempts, windowSeconds: WINDOW_MS / 1000 };
  }

  private async write(tally: Tally, key: string): Promise<void> {
    if (tally.attempts === tally.written) return;
    const attempts = tally.attempts;
    await updateAuditDetail(this.store, await tally.id, this.detail(key, attempts));
    tally.written = Math.max(tally.written, attempts);
  }
}

const FLUSH_EVERY_MS = 10_000;

declare module '@/lib/process-wide' {
  interface ProcessWide {
    deniedAttempts: DeniedAttemptLog;
  }
}

/** The process's log of refused sign-ins, flushed every few seconds. */
export function deniedAttemptLog(store: Store): DeniedAttemptLog {
  return processWide('deniedAttempts', () => {
    const log = new DeniedAttemptLog(store);
    setInterval(() => {
      log
        .flush()
        .catch((error: unknown) => logger.warn({ error: String(error) }, 'Audit count update failed'));
    }, FLUSH_EVERY_MS).unref();
    return log;
  });
}
