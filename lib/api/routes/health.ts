import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { fleetService, isSyncLeader } from '@/lib/fleet/instance';
import { isDemoMode } from '@/lib/runtime/level-connection';
import { APP_VERSION } from '@/lib/version';
import 'server-only';

// 200 while Levelboard can serve data (even stale), 503 until the first sync has succeeded.
export const healthRoute = route('health', () => {
  const status = fleetService().status();
  const body = {
    status: status.syncedAt ? 'ok' : 'starting',
    version: APP_VERSION,
    lastSyncAt: status.syncedAt,
    lastSyncOk: status.lastError === null && status.syncedAt !== null,
    stale: status.stale,
    upstream: {
      mode: isDemoMode() ? 'demo' : 'level',
      /** `leader` syncs from Level; a `follower` replica serves what the leader wrote. */
      role: isSyncLeader() ? 'leader' : 'follower',
      lastAttemptAt: status.lastAttemptAt,
      lastError: status.lastError,
      lastErrorKind: status.lastErrorKind,
    },
  };
  return json(body, status.syncedAt ? 200 : 503);
});
