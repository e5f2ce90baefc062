import type { Store } from '@/lib/db/open';
import { logger } from '@/lib/logger';
import { metrics } from '@/lib/metrics';
import { deliverDue, type DeliveryLog, type ResolveChannel } from '@/lib/notify/deliver';
import { countUnsent, pruneSettled } from '@/lib/notify/outbox';
import { storeResolveChannel } from '@/lib/notify/resolve-channel';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import 'server-only';

// The outbox sender: a loop that runs only while this replica leads (the sync leader: one per
// database), so with several replicas one sends. A second sender at once (a leadership hand-over,
// a split brain) still cannot send a row twice: every attempt starts with a conditional claim
// (lib/notify/outbox.ts).

export interface DeliveryWorkerOptions {
  isLeader: () => boolean;
  now?: () => number;
  resolveChannel?: ResolveChannel;
  /** Names this sender in `claimed_by` (host, pid and a random suffix by default). */
  id?: string;
  intervalMs?: number;
  concurrency?: number;
  timeoutMs?: number;
  batch?: number;
  /** Settled rows older than this are deleted (the delivery log's reach). */
  keepMs?: number;
  log?: DeliveryLog;
  random?: () => number;
}

export interface DeliveryWorker {
  /** Finishes the attempts under way (each bounded by its timeout) and stops. */
  stop(): Promise<void>;
  /** A round now (the engine calls it after enqueueing), instead of at the next tick. */
  kick(): void;
  /** A round now, resolved when it is over (tests, and a caller that must know it ran). */
  runOnce(): Promise<void>;
}

const PRUNE_EVERY_MS = 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

export function startDeliveryWorker(store: Store, options: DeliveryWorkerOptions): DeliveryWorker {
  const now = options.now ?? Date.now;
  const log = options.log ?? logger.child({ component: 'notify' });
  const id = options.id ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const resolveChannel = options.resolveChannel ?? storeResolveChannel(store);
  const intervalMs = options.intervalMs ?? 2_000;
  const keepMs = options.keepMs ?? 30 * DAY_MS;
  let stopped = false;
  let leading = false;
  let lastPrune = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;

  const round = async () => {
    if (!options.isLeader()) {
      // Only the sender reports the backlog; a follower's old figure would be summed with it.
      if (leading) metrics().notificationsUnsent.reset();
      leading = false;
      return;
    }
    leading = true;
    try {
      await deliverDue(store, {
        workerId: id,
        now,
        resolveChannel,
        concurrency: options.concurrency ?? 4,
        timeoutMs: options.timeoutMs ?? 10_000,
        batch: options.batch ?? 200,
        log,
        shouldContinue: () => !stopped && options.isLeader(),
        random: options.random,
      });
      if (now() - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = now();
        const pruned = await pruneSettled(store.db, now(), keepMs);
        if (pruned > 0) log.info({ pruned }, 'Pruned old notification deliveries');
      }
      metrics().notificationsUnsent.set(await countUnsent(store.db));
    } catch (error) {
      log.warn({ error: String(error) }, 'Notification delivery round failed; retrying');
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => void run(), intervalMs);
    timer.unref();
  };

  // One round at a time; a kick during a round asks for another right after it.
  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = round().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        void run();
      } else schedule();
    });
    return running;
  };

  void run();
  return {
    kick: () => void run(),
    runOnce: async () => {
      if (running) await running;
      await run();
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
