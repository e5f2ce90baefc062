import { hardwareProfile, type HardwareProfile } from '@/simulator/catalog-hardware';
import { FIRST_NAMES, FLAGS, LAST_NAMES, LOCATIONS, NICKNAMES, NOTES } from '@/simulator/catalog-names';
import { compact, compactOrNull } from '@/simulator/compact';
import { publicIp, type Placement } from '@/simulator/fleet-groups';
import type { Rng } from '@/simulator/random';
import type { DeviceRecord, DeviceRole, Platform } from '@/simulator/types';

export interface DeviceContext {
  readonly rng: Rng;
  readonly nowMs: number;
  /** Hostname prefix; null = freshly enrolled, never renamed (DESKTOP-XXXXXXX style names). */
  readonly code: string | null;
  readonly placement: Placement | null;
  readonly counters: Map<string, number>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const GIB = 1024 ** 3;
const SERVER_NAMES = ['FS', 'APP', 'SQL', 'RDS', 'PRINT', 'HV', 'BKP'] as const;
const LINUX_SERVER_NAMES = ['web', 'db', 'nas', 'docker', 'mon', 'proxy'] as const;
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

export function pickPlatform(rng: Rng, role: DeviceRole): Platform {
  if (role === 'domain_controller') return 'Windows';
  if (role === 'server') return rng.chance(0.78) ? 'Windows' : 'Linux';
  // Workstations skew so the whole fleet lands near Windows 70 / Mac 18 / Linux 12.
  return rng.weighted([
    ['Windows', 69],
    ['Mac', 20],
    ['Linux', 11],
  ] as const);
}

/** Returns a record with n = seed = 0; the generator numbers devices after shuffling. */
export function makeDevice(
  ctx: DeviceContext,
  role: DeviceRole,
  platform: Platform,
  hardware: number,
  tagNs: readonly number[],
): DeviceRecord {
  const { rng, nowMs, placement } = ctx;
  const server = role !== 'workstation';
  const profile = hardwareProfile(hardware);
  const offline = rng.chance(server ? 0.02 : 0.095);
  const lastSeenMs = offline ? nowMs - offlineAge(rng) : nowMs - rng.int(0, 90) * 1000;
  const uptime = server ? rng.int(1, 45) * DAY : rng.int(1, 240) * HOUR;
  const [city, country] =
    placement?.remote || placement === null ? rng.pick(LOCATIONS) : [placement.city, placement.country];
  // One literal with every field: V8 then keeps all of them in-object (no extra property array).
  return {
    n: 0,
    seed: 0,
    hostname: compact(hostname(ctx, role, platform, profile)),
    nickname: !server && rng.chance(0.12) ? rng.pick(NICKNAMES) : null,
    role,
    platform,
    groupN: placement?.groupN ?? null,
    tagNs,
    flag: rng.chance(0.03) ? rng.pick(FLAGS) : null,
    maintenance: rng.chance(0.02),
    online: !offline,
    notes: rng.chance(0.05) ? rng.pick(NOTES) : null,
    hardware,
    serial: compactOrNull(serial(rng, profile)),
    totalMemory: rng.pick(profile.memoryGb) * GIB,
    memorySlots: profile.slots,
    cpuCores: rng.pick(profile.cores),
    user: compactOrNull(user(rng, ctx.code, role, platform)),
    lastRebootMs: roundSecond(lastSeenMs - uptime),
    lastSeenMs: roundSecond(lastSeenMs),
    city,
    country,
    securityScore: securityScore(rng, platform),
    publicIp:
      placement === null || placement.remote ? (rng.chance(0.9) ? publicIp(rng) : null) : placement.publicIp,
    privateIp: compact(privateIp(rng, placement)),
  };
}

function offlineAge(rng: Rng): number {
  const roll = rng.next();
  if (roll < 0.5) return rng.int(20, 48 * 60) * MINUTE;
  if (roll < 0.85) return rng.int(2, 30) * DAY + rng.int(0, 1439) * MINUTE;
  return rng.int(30, 200) * DAY + rng.int(0, 1439) * MINUTE;
}

function chars(rng: Rng, length: number): string {
  return Array.from({ length }, () => ALNUM.charAt(rng.int(0, ALNUM.length - 1))).join('');
}

const roundSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

function next(counters: Map<string, number>, key: string): number {
  const value = (counters.get(key) ?? 0) + 1;
  counters.set(key, value);
  return value;
}

function hostname(
  ctx: DeviceContext,
  role: DeviceRole,
  platform: Platform,
  profile: HardwareProfile,
): string {
  const { rng, code, counters } = ctx;
  if (code === null) {
    if (platform === 'Mac')
      return `${rng.pick(FIRST_NAMES)}s-${profile.laptop ? 'MacBook-Pro' : 'iMac'}-${next(counters, 'mac')}`;
    if (platform === 'Linux') return `ubuntu-${rng.hex(6)}`;
    return `DESKTOP-${chars(rng, 7)}`;
  }
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  if (role === 'domain_controller') return `${code}-SRV-DC${pad(next(counters, 'dc'), 2)}`;
  if (role === 'server' && platform === 'Linux') {
    const name = rng.pick(LINUX_SERVER_NAMES);
    return `${code.toLowerCase()}-${name}${pad(next(counters, name), 2)}`;
  }
  if (role === 'server') {
    const name = rng.pick(SERVER_NAMES);
    return `${code}-SRV-${name}${pad(next(counters, name), 2)}`;
  }
  if (platform === 'Mac') return `${code}-MAC-${pad(next(counters, 'mac'), 4)}`;
  if (platform === 'Linux') return `${code.toLowerCase()}-lnx-${pad(next(counters, 'lnx'), 3)}`;
  const kind = profile.laptop ? 'LT' : 'WS';
  return `${code}-${kind}-${pad(next(counters, kind), 4)}`;
}

function serial(rng: Rng, profile: HardwareProfile): string | null {
  switch (profile.serial) {
    case 'dell':
      return chars(rng, 7);
    case 'lenovo':
      return `PF${chars(rng, 6)}`;
    case 'hp':
      return `5CG${chars(rng, 7)}`;
    case 'apple':
      return chars(rng, 10);
    case 'microsoft':
      return String(rng.int(100_000, 999_999)) + String(rng.int(100_000, 999_999));
    case 'vmware': {
      const pairs = (count: number): string => Array.from({ length: count }, () => rng.hex(2)).join(' ');
      return `VMware-42 ${pairs(7)}-${pairs(8)}`;
    }
    case 'none':
      return null;
  }
}

function user(rng: Rng, code: string | null, role: DeviceRole, platform: Platform): string | null {
  if (rng.chance(role === 'workstation' ? 0.04 : 0.2)) return null;
  const first = rng.pick(FIRST_NAMES).toLowerCase();
  const last = rng.pick(LAST_NAMES).toLowerCase();
  const domain = code ?? 'WORKGROUP';
  if (platform === 'Linux') return role === 'workstation' ? first : rng.pick(['root', 'ubuntu', 'admin']);
  if (platform === 'Mac') return `${first}.${last}`;
  if (role !== 'workstation')
    return `${domain}\\${rng.pick(['Administrator', 'svc_backup', `${first.charAt(0)}${last}.adm`])}`;
  return `${domain}\\${first.charAt(0)}${last}`;
}

function securityScore(rng: Rng, platform: Platform): number | null {
  const [mean, spread, missing] =
    platform === 'Windows' ? [78, 13, 0.02] : platform === 'Mac' ? [85, 9, 0.05] : [70, 12, 0.5];
  if (rng.chance(missing)) return null;
  return Math.max(12, Math.min(100, Math.round(mean + spread * rng.normal())));
}

function privateIp(rng: Rng, placement: Placement | null): string {
  if (placement === null || placement.remote)
    return `192.168.${rng.pick([0, 1, 1, 4, 50, 86])}.${rng.int(2, 250)}`;
  const host = placement.hosts++;
  const [a = '10', b = '0', c = '0'] = placement.subnet.split('.');
  // Wraps into the next /24 when a site outgrows 240 hosts.
  return `${a}.${b}.${(Number(c) + Math.floor(host / 240)) % 256}.${10 + (host % 240)}`;
}
