import { updateTemplates, type UpdateTemplate } from '@/simulator/catalog-updates';
import { osFor, SALT, sectionRng } from '@/simulator/device-os';
import { encodeId } from '@/simulator/ids';
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

export function updatesFor(store: FleetStore, device: DeviceRecord): UpdateView[] {
  const rng = sectionRng(device, SALT.updates);
  const os = osFor(device);
  const server = device.role !== 'workstation';
  const pool = updateTemplates(device.platform).filter((t) => {
    const windowsRelease = /Windows (10|11)/.exec(t.name)?.[1];
    return windowsRelease === undefined || (!server && windowsRelease === os.major);
  });
  const count = Math.min(pool.length, rng.int(1, 5));
  const chosen = rng.shuffle([...pool]).slice(0, count);
  return chosen.map((template, i) => {
    const available = rng.chance(device.online ? 0.4 : 0.6);
    const publishedMs = Math.floor((store.epochMs - template.ageDays * DAY) / DAY) * DAY;
    const installedMs = available
      ? null
      : publishedMs + rng.int(1, Math.max(1, template.ageDays)) * DAY - rng.int(0, 20) * 3_600_000;
    return {
      n: device.n * UPDATE_STRIDE + i + 1,
      device,
      template,
      available,
      publishedMs,
      installedMs: installedMs === null ? null : Math.min(installedMs, store.epochMs),
      error: available && rng.chance(0.08) ? rng.pick(ERRORS) : null,
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
