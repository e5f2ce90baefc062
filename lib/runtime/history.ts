import type { Store } from '@/lib/db/open';
import type { SyncedHook } from '@/lib/fleet/instance';
import { HistoryReader, HistoryRecorder } from '@/lib/history';
import { logger } from '@/lib/logger';
import 'server-only';

const MAINTAIN_EVERY_MS = 60_000;

const slot = globalThis as typeof globalThis & {
  __levelboardHistory?: { reader: HistoryReader; recorder: HistoryRecorder };
};

/**
 * History is written by the leader after each sync (the hook below) and rolled up / pruned by
 * the leader every minute; every replica reads it.
 */
export function initHistory(store: Store, isLeader: () => boolean): SyncedHook {
  const recorder = new HistoryRecorder(store);
  slot.__levelboardHistory = { reader: new HistoryReader(store), recorder };
  const log = logger.child({ component: 'history' });
  const timer = setInterval(() => {
    if (!isLeader()) return;
    recorder
      .maintain()
      .catch((error: unknown) => log.warn({ error: String(error) }, 'History maintenance failed'));
  }, MAINTAIN_EVERY_MS);
  timer.unref();
  return async (snapshot, sync) => {
    const result = await recorder.record(snapshot, sync);
    log.debug({ writeMs: Math.round(result.writeMs), rows: result.rows }, 'History recorded');
  };
}

export function historyReader(): HistoryReader {
  if (!slot.__levelboardHistory) throw new Error('History has not been started (startServerRuntime)');
  return slot.__levelboardHistory.reader;
}
