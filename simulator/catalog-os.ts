import type { Platform } from '@/simulator/types';

export interface OsRelease {
  readonly name: string;
  readonly major: string;
  readonly minor: string;
  readonly endOfLife: boolean;
  readonly weight: number;
}

const os = (name: string, major: string, minor: string, endOfLife: boolean, weight: number): OsRelease => ({
  name,
  major,
  minor,
  endOfLife,
  weight,
});

const WINDOWS_WORKSTATION: readonly OsRelease[] = [
  os('Microsoft Windows 11 Pro', '11', '10.0.26100.4061', false, 35),
  os('Microsoft Windows 11 Pro', '11', '10.0.22631.5335', false, 25),
  os('Microsoft Windows 11 Enterprise', '11', '10.0.22631.5335', false, 6),
  os('Microsoft Windows 10 Pro', '10', '10.0.19045.5854', true, 22),
  os('Microsoft Windows 10 Enterprise LTSC 2021', '10', '10.0.19044.5854', false, 4),
];
const WINDOWS_SERVER: readonly OsRelease[] = [
  os('Microsoft Windows Server 2022 Standard', '2022', '10.0.20348.3692', false, 45),
  os('Microsoft Windows Server 2019 Standard', '2019', '10.0.17763.7314', false, 25),
  os('Microsoft Windows Server 2025 Standard', '2025', '10.0.26100.4061', false, 15),
  os('Microsoft Windows Server 2016 Standard', '2016', '10.0.14393.8066', false, 10),
  os('Microsoft Windows Server 2012 R2 Standard', '2012', '6.3.9600.22620', true, 5),
];
const MAC: readonly OsRelease[] = [
  os('macOS Sequoia', '15', '15.5', false, 50),
  os('macOS Sonoma', '14', '14.7.6', false, 30),
  os('macOS Ventura', '13', '13.7.6', false, 14),
  os('macOS Monterey', '12', '12.7.6', true, 6),
];
const LINUX_WORKSTATION: readonly OsRelease[] = [
  os('Ubuntu 24.04.2 LTS', '24', '24.04', false, 55),
  os('Ubuntu 22.04.5 LTS', '22', '22.04', false, 25),
  os('Fedora Linux 42 (Workstation Edition)', '42', '42', false, 12),
  os('Debian GNU/Linux 12 (bookworm)', '12', '12.10', false, 8),
];
const LINUX_SERVER: readonly OsRelease[] = [
  os('Ubuntu 22.04.5 LTS', '22', '22.04', false, 35),
  os('Ubuntu 24.04.2 LTS', '24', '24.04', false, 25),
  os('Debian GNU/Linux 12 (bookworm)', '12', '12.10', false, 15),
  os('Red Hat Enterprise Linux 9.5 (Plow)', '9', '9.5', false, 12),
  os('Ubuntu 20.04.6 LTS', '20', '20.04', true, 8),
  os('CentOS Linux 7 (Core)', '7', '7.9.2009', true, 5),
];

export function osReleases(platform: Platform, server: boolean): readonly OsRelease[] {
  if (platform === 'Windows') return server ? WINDOWS_SERVER : WINDOWS_WORKSTATION;
  if (platform === 'Mac') return MAC;
  return server ? LINUX_SERVER : LINUX_WORKSTATION;
}
