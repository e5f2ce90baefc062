import type { GroupTotals } from '@/lib/domain/fleet';
import { SEVERITIES } from '@/lib/domain/severity';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { metrics } from '@/lib/metrics';
import 'server-only';

const UNGROUPED = '_ungrouped';

function setClientFigures(client: string, totals: GroupTotals) {
  const m = metrics();
  m.fleetDevices.set({ client, status: 'online' }, totals.devices.online);
  m.fleetDevices.set({ client, status: 'offline' }, totals.devices.offline);
  m.fleetDevices.set({ client, status: 'maintenance' }, totals.devices.maintenance);
  for (const severity of SEVERITIES) m.fleetAlerts.set({ client, severity }, totals.alerts[severity]);
  if (totals.healthScore !== null) m.fleetHealth.set({ client }, totals.healthScore);
}

/** Fleet gauges are rewritten from each new snapshot (reset first, so deleted clients disappear). */
export function recordFleetMetrics(snapshot: FleetSnapshot): void {
  const m = metrics();
  m.fleetDevices.reset();
  m.fleetAlerts.reset();
  m.fleetHealth.reset();
  for (const id of snapshot.clientIds) {
    const node = snapshot.groupNodes.get(id);
    if (node) setClientFigures(node.name, node.subtree);
  }
  setClientFigures(UNGROUPED, snapshot.ungrouped);
}
