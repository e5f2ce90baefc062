import { whichAcknowledged } from '@/lib/acknowledgements/acknowledged';
import { reloadAcknowledgements } from '@/lib/acknowledgements/live';
import { liveProblemKeys } from '@/lib/acknowledgements/live-keys';
import { deleteAcknowledgements, listAcknowledgements } from '@/lib/acknowledgements/repository';
import type { Store } from '@/lib/db/open';
import type { SyncedHook } from '@/lib/fleet/instance';
import { logger } from '@/lib/logger';
import 'server-only';

/** Rows younger than this are kept even when stale: a follower may know a problem a moment first. */
const GRACE_MS = 60_000;

/**
 * After each sync, the leader deletes acknowledgements of problems that are gone (resolved, or
 * back under a new key). They never applied anyway (keys belong to one occurrence); this only
 * keeps the table as small as the problems on screen.
 */
export function acknowledgementPruning(store: Store, isLeader: () => boolean): SyncedHook {
  const log = logger.child({ component: 'acknowledgements' });
  return async (snapshot) => {
    if (!isLeader()) return;
    try {
      const { stale } = whichAcknowledged(await listAcknowledgements(store), liveProblemKeys(snapshot));
      if (stale.length === 0) return;
      const deleted = await deleteAcknowledgements(store, stale, Date.now() - GRACE_MS);
      if (deleted > 0) await reloadAcknowledgements();
    } catch (error) {
      log.warn({ error: String(error) }, 'Acknowledgement pruning failed');
    }
  };
}
