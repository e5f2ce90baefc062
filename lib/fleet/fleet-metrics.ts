import type { Rollup } from '@/lib/domain/fleet';
import { SEVERITIES } from '@/lib/domain/severity';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { metrics } from '@/lib/metrics';
import 'server-only';

const UNGROUPED = '_ungrouped';

function setRollup(client: string, rollup: Rollup) {
  const m = metrics();
  m.fleetDevices.set({ client, status: 'online' }, rollup.devices.online);
  m.fleetDevices.set({ client, status: 'offline' }, rollup.devices.offline);
  m.fleetDevices.set({ client, status: 'maintenance' }, rollup.devices.maintenance);
  for (const severity of SEVERITIES) m.fleetAlerts.set({ client, severity }, rollup.alerts[severity]);
  if (rollup.healthScore !== null) m.fleetHealth.set({ client }, rollup.healthScore);
}

/** Fleet gauges are rewritten from each new snapshot (reset first, so deleted clients disappear). */
export function recordFleetMetrics(snapshot: FleetSnapshot): void {
  const m = metrics();
  m.fleetDevices.reset();
  m.fleetAlerts.reset();
  m.fleetHealth.reset();
  for (const id of snapshot.clientIds) {
    const node = snapshot.groupNodes.get(id);
    if (node) setRollup(node.name, node.subtree);
  }
  setRollup(UNGROUPED, snapshot.ungrouped);
}
