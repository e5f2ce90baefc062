import { acknowledgements } from '@/lib/acknowledgements/live';
import { readFleet, requireDevice } from '@/lib/api/fleet-read';
import { route } from '@/lib/api/handler';
import { parseQuery } from '@/lib/api/params';
import { respondHashed } from '@/lib/api/respond';
import { deviceShowQuery } from '@/lib/api/schemas/devices';
import { seesFleetWide } from '@/lib/auth/scope';
import { deviceDetails } from '@/lib/fleet/instance';
import { compareAlertsSeverityFirst, toAlertRow } from '@/lib/fleet/queries/alert-list';
import { toDeviceRow } from '@/lib/fleet/queries/device-row';
import { hiddenNamesOf, redactAlertRow, redactDeviceRow, shapeDetail } from '@/lib/redaction/redact';
import 'server-only';

export const deviceRoute = route('devices.show', async (request, params, access) => {
  const id = params.id ?? '';
  const read = readFleet(access);
  requireDevice(read, id);
  const { snapshot, stale, syncedAt, view } = read;
  const device = snapshot.deviceById.get(id);
  if (!device) throw new Error('device vanished from its snapshot');

  // Detail comes from Level on demand (fair use: lib/fleet/device-detail.ts); whatever Level
  // does, the snapshot's data still answers. `detail=0` skips it (the page's first paint).
  const fetched =
    parseQuery(request, deviceShowQuery).detail === '0'
      ? { detail: null, detailError: null, detailFetchedAt: null, upstreamError: false }
      : await deviceDetails().read(
          id,
          access.via === 'person' ? `person:${access.person.id}` : `link:${access.linkId}`,
        );
  const { detail, detailFetchedAt } = fetched;
  // Upstream error text (paths, Level's message) only for people who see the whole fleet.
  const detailError =
    fetched.upstreamError && !seesFleetWide(access) ? 'Level unreachable' : fetched.detailError;
  const acks = await acknowledgements();
  const alerts = [...snapshot.activeAlerts, ...snapshot.recentResolvedAlerts]
    .filter((alert) => alert.deviceId === id)
    .sort(compareAlertsSeverityFirst)
    .map((alert) => toAlertRow(snapshot, alert, acks.lookup));
  const row = toDeviceRow(snapshot, device);
  return respondHashed(request, {
    device: view.redact ? redactDeviceRow(row) : row,
    detail: detail && shapeDetail(detail, view.redact),
    detailError,
    detailFetchedAt,
    alerts: view.redact ? alerts.map((alert) => redactAlertRow(alert, hiddenNamesOf(device))) : alerts,
    syncedAt,
    stale,
  });
});
