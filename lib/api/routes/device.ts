import { readFleet, requireDevice } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { respondHashed } from '@/lib/api/respond';
import { hiddenNamesOf, redactAlertRow, redactDeviceRow, shapeDetail } from '@/lib/auth/redact';
import type { DeviceDetail } from '@/lib/domain/level';
import { deviceDetails } from '@/lib/fleet/instance';
import { alertEventTime, toAlertRow } from '@/lib/fleet/queries/alert-list';
import { toDeviceRow } from '@/lib/fleet/queries/device-row';
import { describeLevelError } from '@/lib/level/errors';
import 'server-only';

export const deviceRoute = route('devices.show', async (request, params, access) => {
  const id = params.id ?? '';
  const read = readFleet(access);
  requireDevice(read, id);
  const { snapshot, stale, syncedAt, view } = read;
  const device = snapshot.deviceById.get(id);
  if (!device) throw new Error('device vanished from its snapshot');

  // Detail comes from Level on demand; if Level fails, the snapshot's data still answers.
  let detail: DeviceDetail | null = null;
  let detailError: string | null = null;
  try {
    detail = await deviceDetails().get(id);
  } catch (error) {
    // Upstream error text (paths, Level's message) is for the admin only.
    detailError = access.role === 'admin' ? describeLevelError(error) : 'Level unreachable';
  }
  const alerts = [...snapshot.activeAlerts, ...snapshot.recentResolvedAlerts]
    .filter((alert) => alert.deviceId === id)
    .sort((a, b) => alertEventTime(b) - alertEventTime(a))
    .map((alert) => toAlertRow(snapshot, alert));
  const row = toDeviceRow(snapshot, device);
  return respondHashed(request, {
    device: view.redact ? redactDeviceRow(row) : row,
    detail: detail && shapeDetail(detail, view.redact),
    detailError,
    alerts: view.redact ? alerts.map((alert) => redactAlertRow(alert, hiddenNamesOf(device))) : alerts,
    syncedAt,
    stale,
  });
});
