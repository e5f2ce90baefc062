import type { AlertSeverity, DeviceRole, Platform } from '@/simulator/types';

export interface AlertTemplate {
  readonly name: string;
  readonly severity: AlertSeverity;
  readonly weight: number;
  readonly platforms?: readonly Platform[];
  readonly roles?: readonly DeviceRole[];
  /** Receives a 0..1 roll so descriptions vary deterministically. */
  readonly describe: (platform: Platform, roll: number) => string;
}

const pct = (low: number, high: number, roll: number): number => Math.round(low + (high - low) * roll);
const volume = (platform: Platform): string =>
  platform === 'Windows' ? 'C:' : platform === 'Mac' ? 'Macintosh HD' : '/';
const SERVERS: readonly DeviceRole[] = ['server', 'domain_controller'];

export const OFFLINE_ALERT = 'Device offline';

export const ALERT_TEMPLATES: readonly AlertTemplate[] = [
  {
    name: 'Disk space low',
    severity: 'warning',
    weight: 18,
    describe: (p, r) => `${volume(p)} has ${pct(4, 10, r)}% free space`,
  },
  {
    name: 'Disk space critical',
    severity: 'critical',
    weight: 5,
    describe: (p, r) => `${volume(p)} has ${pct(0, 2, r)}% free space`,
  },
  {
    name: 'CPU usage high',
    severity: 'warning',
    weight: 14,
    describe: (_p, r) => `CPU above ${pct(90, 99, r)}% for 10 minutes`,
  },
  {
    name: 'Memory usage high',
    severity: 'warning',
    weight: 10,
    describe: (_p, r) => `Memory above ${pct(90, 98, r)}% for 15 minutes`,
  },
  {
    name: 'Antivirus disabled',
    severity: 'critical',
    weight: 4,
    platforms: ['Windows'],
    describe: () => 'Microsoft Defender real-time protection is turned off',
  },
  {
    name: 'Service stopped: Spooler',
    severity: 'information',
    weight: 8,
    platforms: ['Windows'],
    describe: () => 'The Print Spooler service is not running',
  },
  {
    name: 'Backup failed',
    severity: 'critical',
    weight: 5,
    roles: SERVERS,
    describe: (_p, r) => `Last backup job failed ${pct(1, 3, r)} time(s) in a row`,
  },
  {
    name: 'Pending reboot',
    severity: 'information',
    weight: 12,
    describe: (_p, r) => `Reboot pending for ${pct(2, 21, r)} days to finish updates`,
  },
  {
    name: 'Windows Update failed',
    severity: 'information',
    weight: 7,
    platforms: ['Windows'],
    describe: () => 'Installation failure 0x80070643',
  },
  {
    name: 'Certificate expiring',
    severity: 'warning',
    weight: 3,
    roles: SERVERS,
    describe: (_p, r) => `TLS certificate expires in ${pct(3, 14, r)} days`,
  },
  {
    name: 'SMART failure predicted',
    severity: 'emergency',
    weight: 2,
    describe: () => 'Disk 0 reports a SMART predictive failure',
  },
  {
    name: 'RAID array degraded',
    severity: 'emergency',
    weight: 1,
    roles: SERVERS,
    describe: () => 'Virtual disk 0 is degraded: 1 of 4 drives failed',
  },
  {
    name: 'AD replication failed',
    severity: 'emergency',
    weight: 2,
    roles: ['domain_controller'],
    describe: (_p, r) => `Replication with partner DC failing for ${pct(2, 48, r)} hours`,
  },
  {
    name: 'Unexpected shutdown',
    severity: 'information',
    weight: 6,
    describe: () => 'The previous system shutdown was unexpected (Event ID 6008)',
  },
  {
    name: 'Firewall disabled',
    severity: 'warning',
    weight: 3,
    describe: () => 'The host firewall is turned off',
  },
];

export const OFFLINE_DESCRIPTION = 'Device has not checked in for more than 15 minutes';

export function templatesFor(platform: Platform, role: DeviceRole): AlertTemplate[] {
  return ALERT_TEMPLATES.filter(
    (t) =>
      (t.platforms === undefined || t.platforms.includes(platform)) &&
      (t.roles === undefined || t.roles.includes(role)),
  );
}
