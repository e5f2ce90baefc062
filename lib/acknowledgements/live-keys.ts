import { alertProblemKey, offlineProblemKey } from '@/lib/domain/acknowledgement';
import { isOfflineServer } from '@/lib/domain/fleet';
import type { FleetSnapshot } from '@/lib/fleet/snapshot';
import 'server-only';

/** The keys of every problem that can be acknowledged now: active alerts and offline servers/DCs. */
export function liveProblemKeys(snapshot: FleetSnapshot): Set<string> {
  const keys = new Set<string>();
  for (const alert of snapshot.activeAlerts) keys.add(alertProblemKey(alert.id));
  for (const device of snapshot.devices)
    if (isOfflineServer(device)) keys.add(offlineProblemKey(device.id, device.lastSeenAt));
  return keys;
}
