import type { Store } from '@/lib/db/open';
import { getEnv } from '@/lib/env';
import { fleetService } from '@/lib/fleet/instance';
import { logger } from '@/lib/logger';
import { PostureCache } from '@/lib/posture/posture-cache';
import { HOUR_MS, PostureSync, type UpdatesAvailability } from '@/lib/posture/posture-sync';
import { recordPostureSamples } from '@/lib/posture/samples';
import { processWide } from '@/lib/process-wide';
import { getLevelClient } from '@/lib/runtime/level-client';
import 'server-only';

const TICK_MS = 60_000;
/** The day's sample is rewritten this often; the last one of the UTC day is the one kept. */
const SAMPLE_EVERY_MS = 15 * 60_000;

declare module '@/lib/process-wide' {
  interface ProcessWide {
    posture: { cache?: PostureCache; sync?: PostureSync };
  }
}

const shared = processWide('posture', () => ({}));

/**
 * Every replica keeps a posture cache (read from the database); only the sync leader fetches
 * posture from Level and records the daily samples, as for the fleet sync and history.
 */
export function startPosture(store: Store, isLeader: () => boolean): void {
  if (shared.cache) return;
  const env = getEnv();
  const log = logger.child({ component: 'posture' });
  const cache = new PostureCache(store);
  shared.cache = cache;
  void cache.fresh().catch(() => {});
  const sync = new PostureSync({
    store,
    client: getLevelClient,
    deviceIds: () =>
      fleetService()
        .current()
        ?.devices.map((d) => d.id) ?? null,
    securityEveryMs: env.POSTURE_SECURITY_HOURS * HOUR_MS,
    patchesEveryMs: env.POSTURE_UPDATES_HOURS * HOUR_MS,
    tickMs: TICK_MS,
    onWritten: () => cache.invalidate(),
    log,
  });
  shared.sync = sync;
  let lastSample = 0;
  const round = async () => {
    if (!isLeader()) return;
    await sync.tick();
    const snapshot = fleetService().current();
    if (snapshot && Date.now() - lastSample >= SAMPLE_EVERY_MS) {
      await recordPostureSamples(store, snapshot, cache, Date.now());
      lastSample = Date.now();
    }
  };
  const loop = () => {
    round()
      .catch((error: unknown) => log.warn({ error: String(error) }, 'Posture round failed'))
      .finally(() => setTimeout(loop, TICK_MS).unref());
  };
  setTimeout(loop, 10_000).unref();
}

export async function postureCache(): Promise<PostureCache> {
  if (!shared.cache) throw new Error('Posture has not been started (startRuntime)');
  return shared.cache.fresh();
}

/** The cache without waiting (a background refresh starts when it is stale); null before start-up. */
export function postureCacheNow(): PostureCache | null {
  return shared.cache?.current() ?? null;
}

/** Null on a replica that does not lead (it does not know) or before start-up. */
export function updatesAvailability(): UpdatesAvailability | null {
  return shared.sync?.updatesAvailability() ?? null;
}
