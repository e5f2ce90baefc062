import type { GroupTotals } from '@/lib/domain/fleet';
import type { Device } from '@/lib/domain/level';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { FLEET_SCOPE, type Metrics } from '@/lib/history/metrics';
import 'server-only';

function fromTotals(totals: GroupTotals, security: { sum: number; count: number }): Metrics {
  return {
    total: totals.devices.total,
    online: totals.devices.online,
    offline: totals.devices.offline,
    maintenance: totals.devices.maintenance,
    alerts_information: totals.alerts.information,
    alerts_warning: totals.alerts.warning,
    alerts_critical: totals.alerts.critical,
    alerts_emergency: totals.alerts.emergency,
    security_sum: security.sum,
    security_count: security.count,
  };
}

function securityOf(devices: readonly Device[], indexes?: readonly number[]) {
  let sum = 0;
  let count = 0;
  const visit = (device: Device | undefined) => {
    if (device?.securityScore === null || device?.securityScore === undefined) return;
    sum += device.securityScore;
    count += 1;
  };
  if (indexes) for (const index of indexes) visit(devices[index]);
  else for (const device of devices) visit(device);
  return { sum, count };
}

/** The figures of the whole fleet and of every group's subtree, as the snapshot rolled them up. */
export function scopeMetrics(snapshot: FleetSnapshot): Map<string, Metrics> {
  const out = new Map<string, Metrics>();
  out.set(FLEET_SCOPE, fromTotals(snapshot.totals, securityOf(snapshot.devices)));
  for (const [id, node] of snapshot.groupNodes) {
    const indexes = snapshot.subtreeDevices.get(id) ?? [];
    out.set(id, fromTotals(node.subtree, securityOf(snapshot.devices, indexes)));
  }
  return out;
}
