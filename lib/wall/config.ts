import { WALL_DEFAULTS, WALL_VIEWS, type WallSettings, type WallView } from '@/lib/domain/wall-settings';

// One screen's effective configuration: defaults, then the link's settings, then URL parameters
// (`/wall?views=clients,problems&interval=20`). Self-care thresholds are URL-only so tests and the
// soak can speed them up; a bad parameter is ignored and reported, never fatal on a wall.

export interface WallConfig {
  views: WallView[];
  intervalMs: number;
  /** Sound allowed here (the link allows it and the URL did not turn it off). */
  sound: boolean;
  /** Longest hold on a newly worse problem; never 0 (a wall must never stop rotating). */
  holdMaxMs: number;
  /** After a hold, rotate at least this long before a problem no worse than it holds again. */
  holdCooldownMs: number;
  highlightMs: number;
  theme: 'dark' | 'light';
  /** Data polling period while connected. */
  pollMs: number;
  heartbeatMs: number;
  /** Reload (keeping the view) after this long; 0 = never. */
  maxUptimeMs: number;
  /** Reload when the JS heap passes this (where the browser tells); 0 = never. */
  heapLimitBytes: number;
  /** Burn-in protection: move everything a few pixels this often; 0 = never. */
  shiftMs: number;
  /** A label for this screen on the admin page ("Reception TV"). */
  name: string | null;
}

export const SELF_CARE_DEFAULTS = {
  pollSeconds: 10,
  heartbeatSeconds: 60,
  maxUptimeHours: 24,
  heapLimitMb: 512,
  shiftSeconds: 120,
  holdCooldownSeconds: 120,
};

// `0` used to mean "hold until resolved" (the old default, stored in existing links): on a busy
// fleet that froze the wall (issue 16), so it now means the default maximum.
const holdMs = (seconds: number) => (seconds > 0 ? seconds : WALL_DEFAULTS.holdMaxSeconds) * SECOND;

const SECOND = 1_000;

function integer(raw: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value >= min && value <= max ? value : null;
}

function viewList(raw: string): WallView[] | null {
  const names = raw.split(',').map((name) => name.trim());
  const views = names.filter((name): name is WallView => (WALL_VIEWS as readonly string[]).includes(name));
  if (views.length !== names.length || views.length === 0) return null;
  return [...new Set(views)];
}

export function resolveWallConfig(
  settings: WallSettings | null,
  params: URLSearchParams,
): { config: WallConfig; ignored: string[] } {
  const link = { ...WALL_DEFAULTS, ...settings };
  const config: WallConfig = {
    views: link.views,
    intervalMs: link.intervalSeconds * SECOND,
    sound: link.sound,
    holdMaxMs: holdMs(link.holdMaxSeconds),
    holdCooldownMs: SELF_CARE_DEFAULTS.holdCooldownSeconds * SECOND,
    highlightMs: link.highlightSeconds * SECOND,
    theme: link.theme,
    pollMs: SELF_CARE_DEFAULTS.pollSeconds * SECOND,
    heartbeatMs: SELF_CARE_DEFAULTS.heartbeatSeconds * SECOND,
    maxUptimeMs: SELF_CARE_DEFAULTS.maxUptimeHours * 3_600 * SECOND,
    heapLimitBytes: SELF_CARE_DEFAULTS.heapLimitMb * 2 ** 20,
    shiftMs: SELF_CARE_DEFAULTS.shiftSeconds * SECOND,
    name: null,
  };
  const ignored: string[] = [];
  const seconds = (raw: string, min: number, max: number, apply: (ms: number) => void) => {
    const value = integer(raw, min, max);
    if (value === null) return false;
    apply(value * SECOND);
    return true;
  };
  for (const [key, raw] of params) {
    let ok: boolean;
    switch (key) {
      case 'views': {
        const views = viewList(raw);
        ok = views !== null;
        if (views) config.views = views;
        break;
      }
      case 'interval':
        ok = seconds(raw, 5, 600, (ms) => (config.intervalMs = ms));
        break;
      case 'sound':
        // A URL can silence a wall, never make one beep that its link keeps quiet.
        ok = raw === '0' || (raw === '1' && link.sound);
        if (ok) config.sound = raw === '1';
        break;
      case 'hold':
        ok = seconds(raw, 0, 86_400, (ms) => (config.holdMaxMs = holdMs(ms / SECOND)));
        break;
      case 'cooldown':
        ok = seconds(raw, 0, 3_600, (ms) => (config.holdCooldownMs = ms));
        break;
      case 'highlight':
        ok = seconds(raw, 10, 3_600, (ms) => (config.highlightMs = ms));
        break;
      case 'theme':
        ok = raw === 'dark' || raw === 'light';
        if (ok) config.theme = raw as 'dark' | 'light';
        break;
      case 'poll':
        ok = seconds(raw, 1, 300, (ms) => (config.pollMs = ms));
        break;
      case 'heartbeat':
        ok = seconds(raw, 5, 3_600, (ms) => (config.heartbeatMs = ms));
        break;
      case 'maxUptime':
        ok = raw === '0' || seconds(raw, 10, 30 * 86_400, (ms) => (config.maxUptimeMs = ms));
        if (raw === '0') config.maxUptimeMs = 0;
        break;
      case 'heapLimit': {
        const mb = integer(raw, 0, 16_384);
        ok = mb !== null;
        if (mb !== null) config.heapLimitBytes = mb * 2 ** 20;
        break;
      }
      case 'shift':
        ok = seconds(raw, 0, 3_600, (ms) => (config.shiftMs = ms));
        break;
      case 'name': {
        const name = raw.trim();
        ok = name.length > 0 && name.length <= 60;
        if (ok) config.name = name;
        break;
      }
      default:
        ok = false;
    }
    if (!ok) ignored.push(`${key}=${raw}`.slice(0, 80));
  }
  return { config, ignored };
}
