import { NextResponse } from 'next/server';
import { route } from '@/lib/api/handler';
import { fleetService } from '@/lib/fleet/instance';
import { isDemoMode } from '@/lib/runtime/level-connection';
import { APP_VERSION } from '@/lib/version';

export const dynamic = 'force-dynamic';

// 200 while Levelboard can serve data (even stale), 503 until the first sync has succeeded.
export const GET = route('health', () => {
  const status = fleetService().status();
  const body = {
    status: status.syncedAt ? 'ok' : 'starting',
    version: APP_VERSION,
    lastSyncAt: status.syncedAt,
    lastSyncOk: status.lastError === null && status.syncedAt !== null,
    stale: status.stale,
    upstream: {
      mode: isDemoMode() ? 'demo' : 'level',
      lastAttemptAt: status.lastAttemptAt,
      lastError: status.lastError,
      lastErrorKind: status.lastErrorKind,
    },
  };
  return NextResponse.json(body, { status: status.syncedAt ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
});
