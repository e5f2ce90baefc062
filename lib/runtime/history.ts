import type { Store } from '@/lib/db/open';
import type { SyncedHook } from '@/lib/fleet/instance';
import { HistoryReader, HistoryRecorder, type HistoryEvent } from '@/lib/history';
import { logger } from '@/lib/logger';
import { processWide } from '@/lib/process-wide';
import 'server-only';

const MAINTAIN_EVERY_MS = 60_000;

declare module '@/lib/process-wide' {
  interface ProcessWide {
    history: { reader?: HistoryReader; recorder?: HistoryRecorder };
  }
}

const shared = processWide('history', () => ({}));

/**
 * History is written by the leader after each sync (the hook below) and rolled up / pruned by
 * the leader every minute; every replica reads it.
 */
export function initHistory(store: Store, isLeader: () => boolean): SyncedHook {
  const recorder = new HistoryRecorder(store);
  shared.recorder = recorder;
  shared.reader = new HistoryReader(store);
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
  if (!shared.reader) throw new Error('History has not been started (startRuntime)');
  return shared.reader;
}

/** A change a webhook announced, recorded at its time by the leader (lib/webhooks). */
export function recordHistoryEvent(event: HistoryEvent): Promise<boolean> {
  if (!shared.recorder) throw new Error('History has not been started (startRuntime)');
  return shared.recorder.recordEvent(event);
}
