import { route } from '@/lib/api/handler';
import { fleetService } from '@/lib/fleet/instance';
import { metrics } from '@/lib/metrics';
import 'server-only';

export const metricsRoute = route(
  'metrics',
  async () => {
    const m = metrics();
    const status = fleetService().status();
    m.stale.set(status.stale ? 1 : 0);
    if (status.syncedAt) m.syncAge.set((Date.now() - Date.parse(status.syncedAt)) / 1000);
    return {
      status: 200,
      headers: { 'Content-Type': m.registry.contentType, 'Cache-Control': 'no-store' },
      body: await m.registry.metrics(),
    };
  },
  { access: 'admin' },
);
