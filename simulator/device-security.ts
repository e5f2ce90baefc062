import { osFor, SALT, sectionRng } from '@/simulator/device-os';
import type { FleetStore } from '@/simulator/store';
import type { DeviceRecord, JsonObject } from '@/simulator/types';

/** Kept consistent with the device's score, OS and open alerts (antivirus/firewall). */
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
    patch_compliance: score !== null && score >= 70,
    patch_security_risk: score === null ? 'unknown' : score >= 80 ? 'none' : score >= 60 ? 'low' : 'high',
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
          : rng.chance(0.92)
            ? 'good'
            : 'outdated',
  };
}
