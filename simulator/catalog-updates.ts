import type { Platform } from '@/simulator/types';

export interface UpdateTemplate {
  /** `{ym}` becomes the YYYY-MM of the derived publish date. */
  readonly name: string;
  readonly category: string;
  readonly version: string | null;
  readonly sizeMb: number;
  readonly kb: string | null;
  /** Days before the fleet epoch the update was published. */
  readonly ageDays: number;
}

const u = (
  name: string,
  category: string,
  version: string | null,
  sizeMb: number,
  kb: string | null,
  ageDays: number,
): UpdateTemplate => ({
  name,
  category,
  version,
  sizeMb,
  kb,
  ageDays,
});

const WINDOWS: readonly UpdateTemplate[] = [
  u(
    '{ym} Cumulative Update for Windows 11 Version 24H2 for x64-based Systems (KB5058411)',
    'Security Updates',
    '10.0.26100.4061',
    700,
    'KB5058411',
    9,
  ),
  u(
    '{ym} Cumulative Update for Windows 11 Version 24H2 for x64-based Systems (KB5055523)',
    'Security Updates',
    '10.0.26100.3775',
    690,
    'KB5055523',
    37,
  ),
  u(
    '{ym} Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5058379)',
    'Security Updates',
    '10.0.19045.5854',
    640,
    'KB5058379',
    9,
  ),
  u(
    '{ym} Cumulative Update for .NET Framework 3.5 and 4.8.1 for Windows 11 (KB5055627)',
    'Updates',
    null,
    70,
    'KB5055627',
    37,
  ),
  u(
    'Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.429.112.0)',
    'Definition Updates',
    '1.429.112.0',
    120,
    'KB2267602',
    1,
  ),
  u(
    'Windows Malicious Software Removal Tool x64 - v5.135 (KB890830)',
    'Update Rollups',
    '5.135',
    60,
    'KB890830',
    9,
  ),
  u('Intel Corporation - Display - 31.0.101.5333', 'Drivers', '31.0.101.5333', 450, null, 60),
  u('Realtek Semiconductor Corp. - Audio - 6.0.9549.1', 'Drivers', '6.0.9549.1', 90, null, 120),
];
const MAC: readonly UpdateTemplate[] = [
  u('macOS Sequoia 15.5', 'Security Updates', '15.5', 2900, null, 16),
  u('Safari 18.5', 'Updates', '18.5', 160, null, 16),
  u('XProtectPlistConfigData 5297', 'Definition Updates', '5297', 1, null, 4),
  u('Command Line Tools for Xcode 16.4', 'Updates', '16.4', 800, null, 20),
];
const LINUX: readonly UpdateTemplate[] = [
  u('openssl 3.0.13-0ubuntu3.5', 'Security Updates', '3.0.13-0ubuntu3.5', 2, null, 12),
  u('linux-image-generic 6.8.0-60.63', 'Security Updates', '6.8.0-60.63', 14, null, 18),
  u('curl 8.5.0-2ubuntu10.6', 'Security Updates', '8.5.0-2ubuntu10.6', 1, null, 25),
  u('sudo 1.9.15p5-3ubuntu5.24.04.1', 'Security Updates', '1.9.15p5-3ubuntu5.24.04.1', 1, null, 40),
  u('tzdata 2025b-0ubuntu0.24.04', 'Updates', '2025b-0ubuntu0.24.04', 1, null, 30),
  u('python3.12 3.12.3-1ubuntu0.6', 'Updates', '3.12.3-1ubuntu0.6', 3, null, 45),
];

export function updateTemplates(platform: Platform): readonly UpdateTemplate[] {
  if (platform === 'Windows') return WINDOWS;
  return platform === 'Mac' ? MAC : LINUX;
}
