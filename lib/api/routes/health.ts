import { route } from '@/lib/api/handler';
import { syncPaceView } from '@/lib/api/sync-pace-view';
import { json } from '@/lib/api/types';
import { webhookStatusView } from '@/lib/api/webhook-status-view';
import { seesFleetWide } from '@/lib/auth/scope';
import { BUILD_ID } from '@/lib/build-id';
import { currentSyncPace, fleetService, isSyncLeader } from '@/lib/fleet/instance';
import { isDemoMode } from '@/lib/runtime/level-connection';
import { webhookStatusNow } from '@/lib/runtime/webhooks';
import { APP_VERSION } from '@/lib/version';
import 'server-only';

// Public (load balancers, the Docker health check): 200 while Levelboard can serve data (even
// stale), 503 until the first sync. Upstream error text only for people who see the whole fleet: a share link learns
// that Level is unreachable, not why.
export const healthRoute = route(
  'health',
  (_request, _params, access) => {
    const status = fleetService().status();
    const body = {
      status: status.syncedAt ? 'ok' : 'starting',
      version: APP_VERSION,
      /** Changes with every deployment; open walls reload when it does. */
      build: BUILD_ID,
      lastSyncAt: status.syncedAt,
      lastSyncOk: status.lastError === null && status.syncedAt !== null,
      stale: status.stale,
      upstream: {
        mode: isDemoMode() ? 'demo' : 'level',
        /** `leader` syncs from Level; a `follower` replica serves what the leader wrote. */
        role: isSyncLeader() ? 'leader' : 'follower',
        lastAttemptAt: status.lastAttemptAt,
        lastError: access && seesFleetWide(access) ? status.lastError : null,
        lastErrorKind: status.lastErrorKind,
      },
      /** Level's webhooks (issue 17): refreshed in the background, at most 2 s old. */
      webhooks: webhookStatusView(webhookStatusNow()),
      sync: syncPaceView(currentSyncPace()),
    };
    return json(body, status.syncedAt ? 200 : 503);
  },
  { access: 'public' },
);
