import type { DeviceDetail } from '@/lib/domain/device';
import { definedOnly, mapPages, type LevelTransport, type ListOptions } from '@/lib/level/endpoints/shared';
import { toDeviceDetail } from '@/lib/level/mappers/device';
import { collect } from '@/lib/level/pagination';
import type { GateLane } from '@/lib/level/request-gate';
import { levelDeviceSchema } from '@/lib/level/schemas/device';
import { segment, type Query } from '@/lib/level/url';
import 'server-only';
import { z } from 'zod';

export interface DeviceListFilters {
  /** Direct group membership; `null` lists devices that are in no group. */
  groupId?: string | null;
  /** Anywhere under this group (a client's whole tree). */
  ancestorGroupId?: string;
  /** Tag **id** (devices themselves carry tag names). */
  tagId?: string;
  hostname?: string;
  serialNumber?: string;
}

/** Include-gated parts; `disks` brings both `disks` and `diskPartitions`. */
export interface DeviceIncludes {
  operatingSystem?: boolean;
  cpus?: boolean;
  memory?: boolean;
  disks?: boolean;
  networkInterfaces?: boolean;
  motherboard?: boolean;
  security?: boolean;
}

export const ALL_DEVICE_INCLUDES: Required<DeviceIncludes> = {
  operatingSystem: true,
  cpus: true,
  memory: true,
  disks: true,
  networkInterfaces: true,
  motherboard: true,
  security: true,
};

const INCLUDE_PARAMS: Record<keyof DeviceIncludes, string> = {
  operatingSystem: 'include_operating_system',
  cpus: 'include_cpus',
  memory: 'include_memory',
  disks: 'include_disks',
  networkInterfaces: 'include_network_interfaces',
  motherboard: 'include_motherboard',
  security: 'include_security',
};

export function includeQuery(include: DeviceIncludes): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, param] of Object.entries(INCLUDE_PARAMS) as [keyof DeviceIncludes, string][]) {
    if (include[key]) query[param] = 'true';
  }
  return query;
}

function filterQuery(filters: DeviceListFilters): Query {
  return {
    group_id: filters.groupId,
    ancestor_group_id: filters.ancestorGroupId,
    tag_id: filters.tagId,
    hostname: filters.hostname,
    serial_number: filters.serialNumber,
  };
}

export interface DeviceListOptions extends ListOptions {
  include?: DeviceIncludes;
  /** Begin after this device id (its position in Level's order), for slice-parallel walks. */
  startingAfter?: string;
}

export interface DeviceChanges {
  /** Display name (Level's nickname). */
  name?: string;
  notes?: string;
  /** `null` takes the device out of its group. */
  groupId?: string | null;
}

export function devicesEndpoints(t: LevelTransport) {
  function list(
    filters: DeviceListFilters = {},
    options: DeviceListOptions = {},
  ): AsyncGenerator<DeviceDetail> {
    const query = { ...filterQuery(filters), ...includeQuery(options.include ?? {}) };
    return mapPages(
      t.paginate('/devices', query, levelDeviceSchema, {
        signal: options.signal,
        startingAfter: options.startingAfter,
        lane: options.lane,
      }),
      toDeviceDetail,
    );
  }

  return {
    list,
    listAll: (filters: DeviceListFilters = {}, options: DeviceListOptions = {}) =>
      collect(list(filters, options)),
    async get(
      id: string,
      include: DeviceIncludes = {},
      options: { lane?: GateLane; signal?: AbortSignal } = {},
    ): Promise<DeviceDetail> {
      const raw = await t.request('GET', `/devices/${segment(id)}`, {
        query: includeQuery(include),
        schema: levelDeviceSchema,
        lane: options.lane,
        signal: options.signal,
      });
      return toDeviceDetail(raw);
    },
    async update(id: string, changes: DeviceChanges): Promise<DeviceDetail> {
      const body = definedOnly({ name: changes.name, notes: changes.notes, group_id: changes.groupId });
      const raw = await t.request('PATCH', `/devices/${segment(id)}`, { body, schema: levelDeviceSchema });
      return toDeviceDetail(raw);
    },
    async delete(id: string): Promise<void> {
      await t.request('DELETE', `/devices/${segment(id)}`, { schema: z.unknown() });
    },
  };
}

export type DevicesEndpoints = ReturnType<typeof devicesEndpoints>;
