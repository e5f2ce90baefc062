import { NextResponse } from 'next/server';
import { route } from '@/lib/api/handler';
import { fleetService } from '@/lib/fleet/instance';
import { metrics } from '@/lib/metrics';

export const dynamic = 'force-dynamic';

export const GET = route('metrics', async () => {
  const m = metrics();
  const status = fleetService().status();
  m.stale.set(status.stale ? 1 : 0);
  if (status.syncedAt) m.syncAge.set((Date.now() - Date.parse(status.syncedAt)) / 1000);
  return new NextResponse(await m.registry.metrics(), {
    headers: { 'Content-Type': m.registry.contentType, 'Cache-Control': 'no-store' },
  });
});
