import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { getStore } from '@/lib/db/instance';
import { isSyncLeader } from '@/lib/fleet/instance';
import { publicUrl, publicUrlConfigured } from '@/lib/notify/public-url';
import { notificationStatus } from '@/lib/notify/status';
import 'server-only';

// Settings → Notifications' header: where links in messages point, whether this replica sends,
// and whether anything waits or failed.
export const notificationStatusRoute = route(
  'admin.notifications.status',
  async () => {
    const status = await notificationStatus(await getStore());
    return json({
      publicUrl: publicUrl(),
      publicUrlConfigured: publicUrlConfigured(),
      sender: isSyncLeader() ? 'this replica' : 'another replica (the sync leader)',
      pending: status.pending,
      oldestPendingAt:
        status.oldestPendingAt === null ? null : new Date(status.oldestPendingAt).toISOString(),
      sentLastDay: status.sentLastDay,
      failedLastDay: status.failedLastDay,
      openIncidents: status.openIncidents,
    });
  },
  { access: 'admin' },
);
