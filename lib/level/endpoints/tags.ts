import type { Tag } from '@/lib/domain/tag';
import { chunkIds, mapPages, type LevelTransport, type ListOptions } from '@/lib/level/endpoints/shared';
import { toTag } from '@/lib/level/mappers/resources';
import { collect } from '@/lib/level/pagination';
import { levelTagSchema } from '@/lib/level/schemas/tag';
import { segment } from '@/lib/level/url';
import 'server-only';
import { z } from 'zod';

export interface TagListFilters {
  /** Tags applied to this device. */
  deviceId?: string;
}

export function tagsEndpoints(t: LevelTransport) {
  function list(filters: TagListFilters = {}, options: ListOptions = {}): AsyncGenerator<Tag> {
    return mapPages(t.paginate('/tags', { device_id: filters.deviceId }, levelTagSchema, options), toTag);
  }

  async function sendDevices(
    method: 'POST' | 'DELETE',
    id: string,
    deviceIds: readonly string[],
  ): Promise<void> {
    for (const chunk of chunkIds(deviceIds)) {
      // Not retried after a 5xx/timeout: Level answers 422 when the change was already applied.
      await t.request(method, `/tags/${segment(id)}/devices`, {
        body: { device_ids: chunk },
        schema: z.unknown(),
        idempotent: false,
      });
    }
  }

  return {
    list,
    listAll: (filters: TagListFilters = {}, options: ListOptions = {}) => collect(list(filters, options)),
    async get(id: string): Promise<Tag> {
      return toTag(await t.request('GET', `/tags/${segment(id)}`, { schema: levelTagSchema }));
    },
    /** 422 (`validation`) when the name already exists. */
    async create(name: string): Promise<Tag> {
      return toTag(await t.request('POST', '/tags', { body: { name }, schema: levelTagSchema }));
    },
    async rename(id: string, name: string): Promise<Tag> {
      return toTag(
        await t.request('PATCH', `/tags/${segment(id)}`, { body: { name }, schema: levelTagSchema }),
      );
    },
    async delete(id: string): Promise<void> {
      await t.request('DELETE', `/tags/${segment(id)}`, { schema: z.unknown() });
    },
    addDevices: (id: string, deviceIds: readonly string[]) => sendDevices('POST', id, deviceIds),
    removeDevices: (id: string, deviceIds: readonly string[]) => sendDevices('DELETE', id, deviceIds),
  };
}

export type TagsEndpoints = ReturnType<typeof tagsEndpoints>;
