import { hardwareProfile, profilesFor } from '@/simulator/catalog-hardware';
import { TAG_NAMES } from '@/simulator/catalog-names';
import { makeDevice, pickPlatform, type DeviceContext } from '@/simulator/fleet-devices';
import { seedAlerts, seedAutomations, seedCustomFields } from '@/simulator/fleet-extras';
import { planGroups, type ClientPlan, type Placement } from '@/simulator/fleet-groups';
import { createRng, mixSeed, type Rng } from '@/simulator/random';
import { FleetStore } from '@/simulator/store';
import type { DeviceRecord, DeviceRole, Platform } from '@/simulator/types';

export interface FleetOptions {
  devices: number;
  seed: number;
  /** Anchor for every generated timestamp; fixing it makes two fleets byte-identical. */
  nowMs: number;
}

export const FIRST_DEVICE_N = 1001;

type TagKey = keyof typeof TAG_NAMES;
type TagIds = Record<TagKey, number>;

/** Builds the whole fleet deterministically from the seed: same options, same fleet. */
export function generateFleet(options: FleetOptions): FleetStore {
  const store = new FleetStore(options.nowMs);
  const rng = createRng(mixSeed(options.seed, 0x5eed));
  const tags = seedTags(store);
  const total = options.devices;
  const ungrouped = Math.max(1, Math.round(total * 0.02));
  const internal = Math.min(total - ungrouped, Math.max(1, Math.round(total * 0.03)));
  const plan = planGroups(store, rng, Math.max(0, total - ungrouped - internal));

  const records: DeviceRecord[] = [];
  for (const client of plan.clients) clientDevices(rng, options.nowMs, client, tags, records);
  const internalCounters = new Map<string, number>();
  for (let i = 0; i < internal; i++) {
    const placement = rng.pick(plan.internal);
    const role: DeviceRole = i === 0 ? 'server' : 'workstation';
    const ctx = { rng, nowMs: options.nowMs, code: 'MSP', placement, counters: internalCounters };
    records.push(device(ctx, role, tags, false));
  }
  const loose = new Map<string, number>();
  for (let i = 0; i < ungrouped; i++) {
    const ctx = { rng, nowMs: options.nowMs, code: null, placement: null, counters: loose };
    records.push(device(ctx, 'workstation', tags, false));
  }

  // Devices enrol over time across all clients, so ids interleave clients rather than cluster.
  rng.shuffle(records);
  records.forEach((record, i) => {
    record.n = FIRST_DEVICE_N + i;
    record.seed = mixSeed(options.seed, record.n);
    store.addDevice(record);
  });

  seedAlerts(store, rng);
  seedCustomFields(store, rng, plan);
  seedAutomations(store, rng, plan);
  return store;
}

function seedTags(store: FleetStore): TagIds {
  const ids = {} as TagIds;
  for (const key of Object.keys(TAG_NAMES) as TagKey[]) {
    const n = store.next.tag++;
    store.addTag({ n, name: TAG_NAMES[key], devices: [] });
    ids[key] = n;
  }
  return ids;
}

function clientDevices(rng: Rng, nowMs: number, client: ClientPlan, tags: TagIds, out: DeviceRecord[]): void {
  const size = client.deviceCount;
  const dcs = size >= 60 ? 2 : size >= 15 ? 1 : 0;
  const servers = Math.max(dcs, Math.round(size * 0.08 + rng.next() - 0.5));
  const counters = new Map<string, number>();
  const sites: (readonly [Placement, number])[] = client.sites.map((s, i) => [
    s,
    i === 0 ? 3 : s.remote ? 1 : 2,
  ]);
  for (let i = 0; i < size; i++) {
    const role: DeviceRole = i < dcs ? 'domain_controller' : i < servers ? 'server' : 'workstation';
    const placement =
      role !== 'workstation'
        ? (client.servers ?? client.sites[0] ?? client.root)
        : client.nested && rng.chance(0.12)
          ? client.nested
          : rng.chance(0.08)
            ? client.root
            : rng.weighted(sites);
    out.push(device({ rng, nowMs, code: client.code, placement, counters }, role, tags, client.regulated));
  }
}

const NO_TAGS: readonly number[] = Object.freeze([]);

function device(ctx: DeviceContext, role: DeviceRole, tags: TagIds, regulated: boolean): DeviceRecord {
  const platform: Platform = pickPlatform(ctx.rng, role);
  const hardware = ctx.rng.weighted(profilesFor(platform, role === 'workstation' ? 'workstation' : 'server'));
  return makeDevice(
    ctx,
    role,
    platform,
    hardware,
    tagsFor(ctx.rng, tags, role, hardware, ctx.placement, regulated),
  );
}

function tagsFor(
  rng: Rng,
  tags: TagIds,
  role: DeviceRole,
  hardware: number,
  placement: Placement | null,
  regulated: boolean,
): readonly number[] {
  const on: number[] = [];
  const server = role !== 'workstation';
  if (role === 'domain_controller' || (server && rng.chance(0.3))) on.push(tags.critical);
  if (!server && rng.chance(0.03)) on.push(tags.vip);
  if (!server && rng.chance(0.05)) on.push(tags.finance);
  if (placement?.name === 'Kiosks' || (!server && rng.chance(0.01))) on.push(tags.kiosk);
  if (server && rng.chance(0.45)) on.push(tags.backup);
  if (hardwareProfile(hardware).laptop) on.push(tags.laptop);
  if (regulated) on.push(tags.hipaa);
  if (rng.chance(0.04)) on.push(tags.pilot);
  if (rng.chance(0.03)) on.push(tags.replace);
  if (placement?.remote) on.push(tags.remote);
  // Exact-length copy: push() leaves spare capacity that adds up over 50k devices.
  return on.length === 0 ? NO_TAGS : on.sort((a, b) => a - b).slice();
}
