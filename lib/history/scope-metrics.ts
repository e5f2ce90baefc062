import type { Rollup } from '@/lib/domain/fleet';
import type { Device } from '@/lib/domain/level';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import { FLEET_SCOPE, type Metrics } from '@/lib/history/metrics';
import 'server-only';

function fromRollup(rollup: Rollup, security: { sum: number; count: number }): Metrics {
  return {
    total: rollup.devices.total,
    online: rollup.devices.online,
    offline: rollup.devices.offline,
    maintenance: rollup.devices.maintenance,
    alerts_information: rollup.alerts.information,
    alerts_warning: rollup.alerts.warning,
    alerts_critical: rollup.alerts.critical,
    alerts_emergency: rollup.alerts.emergency,
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
  out.set(FLEET_SCOPE, fromRollup(snapshot.totals, securityOf(snapshot.devices)));
  for (const [id, node] of snapshot.groupNodes) {
    const indexes = snapshot.subtreeDevices.get(id) ?? [];
    out.set(id, fromRollup(node.subtree, securityOf(snapshot.devices, indexes)));
  }
  return out;
}
