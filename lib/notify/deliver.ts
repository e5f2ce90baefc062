import type { Store } from '@/lib/db/open';
import type { ChannelKind, DeliveryOutcome, NotificationMessage } from '@/lib/domain/notifications';
import { metrics } from '@/lib/metrics';
import type { ChannelDriver, ChannelForSending } from '@/lib/notify/channels/driver';
import {
  attemptsInWindow,
  claim,
  complete,
  defer,
  dueRows,
  fail,
  failUnsent,
  RATE_WINDOW_MS,
  recoverExpired,
  retry,
  type DueRow,
} from '@/lib/notify/outbox';
import 'server-only';

// One delivery round: recover rows of dead senders, take the due rows, and send them, one lane per
// channel (a channel's rows in order, one at a time), a few lanes at once.

export interface ResolvedChannel {
  channel: ChannelForSending;
  driver: ChannelDriver;
}
/** The channel (unsealed) and its driver; null when the channel no longer exists. */
export type ResolveChannel = (id: string) => Promise<ResolvedChannel | null>;

export interface DeliveryLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface RoundOptions {
  workerId: string;
  now: () => number;
  resolveChannel: ResolveChannel;
  /** Channels sent to at once. */
  concurrency: number;
  /** One attempt's limit; past it the attempt is a retry. */
  timeoutMs: number;
  /** Due rows read per round. */
  batch: number;
  log: DeliveryLog;
  /** Checked before each claim: false stops the round (leadership lost, worker stopping). */
  shouldContinue: () => boolean;
  random?: () => number;
}

export type RoundResult = 'sent' | 'retry' | 'failed' | 'rate_limited';

/** A driver promises never to throw nor hang; the sender does not rely on it. */
async function attempt(
  resolved: ResolvedChannel,
  settings: { config: unknown; secret: unknown },
  message: NotificationMessage,
  timeoutMs: number,
): Promise<DeliveryOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<DeliveryOutcome>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          result: 'retry',
          status: null,
          error: `No answer within ${Math.round(timeoutMs / 1000)} s`,
          retryAfterMs: null,
          answer: null,
        }),
      timeoutMs + 1_000,
    );
  });
  try {
    return await Promise.race([resolved.driver.send(message, settings, { timeoutMs }), late]);
  } catch (error) {
    // A driver bug: its text could carry anything, so only its class is recorded.
    const kind = error instanceof Error ? error.name : typeof error;
    return {
      result: 'retry',
      status: null,
      error: `The driver failed (${kind})`,
      retryAfterMs: null,
      answer: null,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The channel's settings as its driver reads them, or why they are unusable (field names only). */
function settingsOf(
  resolved: ResolvedChannel,
): { ok: true; config: unknown; secret: unknown } | { ok: false; error: string } {
  const config = resolved.driver.configSchema.safeParse(resolved.channel.config);
  const secret = resolved.driver.secretSchema.safeParse(resolved.channel.secret);
  if (config.success && secret.success) return { ok: true, config: config.data, secret: secret.data };
  const issues = [...(config.error?.issues ?? []), ...(secret.error?.issues ?? [])];
  const fields = [...new Set(issues.map((issue) => issue.path.join('.') || 'settings'))].join(', ');
  return { ok: false, error: `The channel's settings are invalid (${fields}); edit the channel` };
}

export async function deliverDue(store: Store, options: RoundOptions): Promise<Record<RoundResult, number>> {
  const { db } = store;
  const counts: Record<RoundResult, number> = { sent: 0, retry: 0, failed: 0, rate_limited: 0 };
  const count = (kind: ChannelKind | 'unknown', result: RoundResult, n = 1) => {
    if (n === 0) return;
    counts[result] += n;
    metrics().notifications.inc({ channel_kind: kind, result }, n);
  };

  const recovered = await recoverExpired(db, options.now());
  if (recovered.retried + recovered.failed > 0)
    options.log.warn(recovered, 'Recovered notifications left mid-send by a stopped sender');
  count('unknown', 'failed', recovered.failed);

  const lanes = new Map<string, DueRow[]>();
  for (const row of await dueRows(db, options.now(), options.batch)) {
    const lane = lanes.get(row.channelId) ?? [];
    lane.push(row);
    lanes.set(row.channelId, lane);
  }

  const failAll = async (kind: ChannelKind | 'unknown', rows: DueRow[], error: string) => {
    for (const row of rows) if (await failUnsent(db, row, error)) count(kind, 'failed');
  };

  const sendLane = async (channelId: string, rows: DueRow[]) => {
    let resolved: ResolvedChannel | null;
    try {
      resolved = await options.resolveChannel(channelId);
    } catch (error) {
      // Not the message's fault (the database, the key vault): it waits without losing an attempt.
      options.log.warn({ channelId, error: String(error) }, 'Could not load a notification channel');
      await defer(db, rows, options.now() + RATE_WINDOW_MS);
      return;
    }
    if (!resolved) return failAll('unknown', rows, 'The channel was deleted before this was sent');
    const { channel } = resolved;
    // A disabled channel fails what it holds rather than keeping it: re-enabling it later must not
    // deliver a backlog of stale "offline" messages about things that have long recovered.
    if (!channel.enabled) return failAll(channel.kind, rows, 'The channel is disabled');
    const settings = settingsOf(resolved);
    if (!settings.ok) return failAll(channel.kind, rows, settings.error);
    const cap = Math.max(1, channel.ratePerMinute);

    // Read once per round and kept up to date with this lane's own claims: while one replica
    // sends (the leader), nobody else adds to it.
    const window = await attemptsInWindow(db, channelId, options.now());
    for (const [index, row] of rows.entries()) {
      if (!options.shouldContinue()) return;
      const windowStart = options.now() - RATE_WINDOW_MS;
      while (window.length > 0 && (window[0] ?? 0) <= windowStart) window.shift();
      if (window.length >= cap) {
        // The oldest attempts age out of the window one by one; the next slot frees with this one.
        const freesAt = (window[window.length - cap] ?? options.now()) + RATE_WINDOW_MS;
        count(channel.kind, 'rate_limited', await defer(db, rows.slice(index), freesAt));
        return;
      }
      const held = await claim(db, row, options.workerId, options.now());
      if (!held) continue;
      window.push(held.claimedAt);
      let message: NotificationMessage;
      try {
        message = JSON.parse(row.message) as NotificationMessage;
      } catch {
        await fail(db, held, { status: null, error: 'The stored message is unreadable', answer: null });
        count(channel.kind, 'failed');
        continue;
      }
      const outcome = await attempt(resolved, settings, message, options.timeoutMs);
      const at = options.now();
      const where = {
        id: row.id,
        channelId,
        kind: channel.kind,
        attempt: held.attempt,
        status: outcome.status,
      };
      if (outcome.result === 'sent') {
        const settled = await complete(
          db,
          held,
          { status: outcome.status, error: null, answer: outcome.answer },
          at,
        );
        if (!settled) options.log.warn(where, 'A notification was sent after its claim ran out');
        count(channel.kind, 'sent');
        options.log.info(where, 'Notification sent');
        continue;
      }
      if (outcome.result === 'failed') {
        await fail(db, held, outcome);
        count(channel.kind, 'failed');
        options.log.warn({ ...where, error: outcome.error }, 'Notification failed');
        continue;
      }
      const next = await retry(db, held, outcome, at, options.random);
      count(channel.kind, next.status === 'failed' ? 'failed' : 'retry');
      options.log.warn(
        { ...where, error: outcome.error, nextAttemptAt: next.nextAttemptAt },
        next.status === 'failed'
          ? 'Notification failed after its last attempt'
          : 'Notification will be retried',
      );
      // The receiver is struggling: leave the rest of this channel for later; a pause it asked
      // for (429 Retry-After) holds for all of them.
      if (outcome.retryAfterMs !== null && next.nextAttemptAt !== null)
        count(channel.kind, 'rate_limited', await defer(db, rows.slice(index + 1), next.nextAttemptAt));
      return;
    }
  };

  const queue = [...lanes.entries()];
  const runner = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        await sendLane(...next);
      } catch (error) {
        options.log.warn({ channelId: next[0], error: String(error) }, 'A notification lane failed');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, runner));
  return counts;
}
