import type { DeviceClass } from '@/lib/domain/availability';
import type { DeviceRole } from '@/lib/domain/device';

/**
 * Servers and domain controllers against everything else: the same rule as "offline servers"
 * (lib/domain/fleet.ts `isOfflineServer`) and the notification rules' default roles. A device
 * Level gives no role is a workstation, as it is everywhere else in Levelboard.
 */
export function deviceClassOf(role: DeviceRole | null): DeviceClass {
  return role === 'server' || role === 'domain_controller' ? 'server' : 'workstation';
}
