import { notFound } from '@/lib/api/errors';
import { readFleet } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { respondHashed } from '@/lib/api/respond';
import { deviceDetails } from '@/lib/fleet/instance';
import { alertEventTime, toAlertRow } from '@/lib/fleet/queries/alert-list';
import { toDeviceRow } from '@/lib/fleet/queries/device-row';
import { describeLevelError } from '@/lib/level/errors';
import 'server-only';

export const deviceRoute = route('devices.show', async (request, params) => {
  const id = params.id ?? '';
  const { snapshot, stale, syncedAt } = readFleet();
  const device = snapshot.deviceById.get(id);
  if (!device) throw notFound(`No device with id "${id}".`);

  // Detail comes from Level on demand; if Level fails, the snapshot's data still answers.
  let detail = null;
  let detailError: string | null = null;
  try {
    detail = await deviceDetails().get(id);
  } catch (error) {
    detailError = describeLevelError(error);
  }
  const alerts = [...snapshot.activeAlerts, ...snapshot.recentResolvedAlerts]
    .filter((alert) => alert.deviceId === id)
    .sort((a, b) => alertEventTime(b) - alertEventTime(a))
    .map((alert) => toAlertRow(snapshot, alert));
  return respondHashed(request, {
    device: toDeviceRow(snapshot, device),
    detail,
    detailError,
    alerts,
    syncedAt,
    stale,
  });
});
