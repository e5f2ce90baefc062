import { updateTemplates, type UpdateTemplate } from '@/simulator/catalog-updates';
import { osFor, SALT, sectionRng } from '@/simulator/device-os';
import { encodeId } from '@/simulator/ids';
import { createRng, mixSeed } from '@/simulator/random';
import type { FleetStore } from '@/simulator/store';
import type { DeviceRecord, JsonObject } from '@/simulator/types';

/**
 * Updates are virtual: ~3 per device derived from the device seed, never stored, so 50k devices
 * cost no memory here. Update n = device n × 10 + k (k = 1..5) keeps ids ascending in device order,
 * which lets the list share the device array as its cursor index.
 */
export const UPDATE_STRIDE = 10;

export interface UpdateView {
  readonly n: number;
  readonly device: DeviceRecord;
  readonly template: UpdateTemplate;
  readonly available: boolean;
  readonly publishedMs: number;
  readonly installedMs: number | null;
  readonly error: string | null;
}

const DAY = 86_400_000;
const ERRORS = ['0x80240022', '0x80070643', '0x800f0922'] as const;

/**
 * How often a template is re-released (a new monthly rollup, a daily definition file): from the
 * fleet epoch on, every cycle brings a new release that devices install over the following days.
 */
function cycleDays(template: UpdateTemplate): number {
  if (template.category === 'Definition Updates') return 1;
  return template.category === 'Drivers' ? 90 : 30;
}

/**
 * A device's updates at the simulator's clock. Which templates apply is fixed per device; each
 * release's install delay is drawn per (device, slot, release), so the list changes slowly and
 * deterministically with time: releases appear, get installed over days, and a few laggards stay
 * pending (some of them with an `error`, the only failure state Level exposes).
 */
export function updatesFor(store: FleetStore, device: DeviceRecord): UpdateView[] {
  const rng = sectionRng(device, SALT.updates);
  const os = osFor(device);
  const server = device.role !== 'workstation';
  const now = store.clock();
  const pool = updateTemplates(device.platform).filter((t) => {
    const windowsRelease = /Windows (10|11)/.exec(t.name)?.[1];
    return windowsRelease === undefined || (!server && windowsRelease === os.major);
  });
  const count = Math.min(pool.length, rng.int(1, 5));
  const chosen = rng.shuffle([...pool]).slice(0, count);
  return chosen.map((template, i) => {
    const cycleMs = cycleDays(template) * DAY;
    const release = Math.max(0, Math.floor((now - store.epochMs) / cycleMs));
    const publishedMs = Math.floor((store.epochMs - template.ageDays * DAY) / DAY) * DAY + release * cycleMs;
    const draw = createRng(mixSeed(mixSeed(device.seed, SALT.updates * 100 + i), release));
    const laggard = draw.chance(template.category === 'Drivers' ? 0.25 : 0.1);
    const delayMs =
      cycleMs === DAY
        ? draw.int(1, 20) * 3_600_000
        : draw.int(1, Math.min(14, template.ageDays + 1)) * DAY - draw.int(0, 20) * 3_600_000;
    const installedAt = laggard ? null : publishedMs + delayMs;
    const available = installedAt === null || installedAt > now;
    const failing = laggard && draw.chance(0.4) && now - publishedMs > 2 * DAY;
    return {
      n: device.n * UPDATE_STRIDE + i + 1,
      device,
      template,
      available,
      publishedMs,
      installedMs: available ? null : installedAt,
      error: failing ? draw.pick(ERRORS) : null,
    };
  });
}

export function updateJson(update: UpdateView): JsonObject {
  const { template } = update;
  return {
    id: encodeId('Update', update.n),
    device_id: encodeId('Device', update.device.n),
    device_hostname: update.device.hostname,
    // Monthly rollups are named after their release month, so the name tracks the derived date.
    name: template.name.replace('{ym}', new Date(update.publishedMs).toISOString().slice(0, 7)),
    category: template.category,
    is_available: update.available,
    installed_on: update.installedMs === null ? null : new Date(update.installedMs).toISOString(),
    version: template.version,
    size: template.sizeMb * 1_048_576,
    kb_ids: template.kb === null ? [] : [template.kb],
    error: update.error,
    published_on: new Date(update.publishedMs).toISOString(),
  };
}
