import { osFor, SALT, sectionRng } from '@/simulator/device-os';
import type { FleetStore } from '@/simulator/store';
import type { DeviceRecord, JsonObject } from '@/simulator/types';
import { updatesFor } from '@/simulator/updates';

const DAY = 86_400_000;

/**
 * Kept consistent with the device's score, OS, open alerts (antivirus/firewall) and its updates
 * at the simulator's clock: patch compliance and patch risk follow pending security updates, and
 * antivirus goes `outdated` while a definition update is pending — so the object changes as
 * updates are released and installed.
 */
export function security(store: FleetStore, device: DeviceRecord): JsonObject {
  const rng = sectionRng(device, SALT.security);
  const os = osFor(device);
  const open = new Set(
    store
      .alertsOfDevice(device.n)
      .filter((a) => !a.resolved)
      .map((a) => a.name),
  );
  const score = device.securityScore;
  const platform = device.platform;
  const now = store.clock();
  const pending = updatesFor(store, device).filter((u) => u.available);
  const securityPending = pending.filter((u) => u.template.category === 'Security Updates');
  const overdue = securityPending.some((u) => u.error !== null || now - u.publishedMs > 30 * DAY);
  const definitionsStale = pending.some(
    (u) => u.template.category === 'Definition Updates' && now - u.publishedMs > 2 * DAY,
  );
  return {
    score,
    risk:
      score === null
        ? null
        : score >= 80
          ? 'low'
          : score >= 60
            ? 'medium'
            : score >= 40
              ? 'high'
              : 'critical',
    // [X] boolean (S9) vs percentage (S12); the simulator follows S9.
    patch_compliance: !overdue && securityPending.length <= 1,
    patch_security_risk: overdue ? 'high' : securityPending.length > 0 ? 'low' : 'none',
    os_end_of_life: os.endOfLife,
    primary_partition_encrypted: rng.chance(platform === 'Linux' ? 0.2 : 0.75),
    firewall_provider:
      platform === 'Windows'
        ? 'Windows Defender Firewall'
        : platform === 'Mac'
          ? 'macOS Application Firewall'
          : rng.chance(0.6)
            ? 'ufw'
            : null,
    firewall_enabled: open.has('Firewall disabled') ? false : rng.chance(0.93),
    antivirus_provider:
      platform === 'Windows'
        ? rng.pick(['Microsoft Defender Antivirus', 'Microsoft Defender Antivirus', 'SentinelOne'])
        : platform === 'Mac'
          ? 'XProtect'
          : null,
    antivirus_status:
      platform === 'Linux'
        ? null
        : open.has('Antivirus disabled')
          ? 'disabled'
          : !definitionsStale && rng.chance(0.95)
            ? 'good'
            : 'outdated',
  };
}
