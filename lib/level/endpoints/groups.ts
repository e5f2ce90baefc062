import type { Group } from '@/lib/domain/group';
import {
  chunkIds,
  definedOnly,
  mapPages,
  type LevelTransport,
  type ListOptions,
} from '@/lib/level/endpoints/shared';
import { toGroup } from '@/lib/level/mappers/resources';
import { collect } from '@/lib/level/pagination';
import { levelGroupSchema } from '@/lib/level/schemas/group';
import { segment } from '@/lib/level/url';
import 'server-only';
import { z } from 'zod';

export interface GroupListFilters {
  /**
   * Direct children of this group. There is deliberately no `null` for "root groups": one source
   * reports `parent_id=null` answering 404, so list all and keep `parentId === null` instead.
   */
  parentId?: string;
}

export interface GroupCreate {
  name: string;
  parentId?: string | null;
}

export interface GroupChanges {
  name?: string;
  /**
   * Required: Level moves a group to the root when a PATCH omits `parent_id` (REFERENCE §9.4).
   * Pass the current parent to keep the group where it is, or use `rename`.
   */
  parentId: string | null;
}

export function groupsEndpoints(t: LevelTransport) {
  function list(filters: GroupListFilters = {}, options: ListOptions = {}): AsyncGenerator<Group> {
    const pages = t.paginate('/groups', { parent_id: filters.parentId }, levelGroupSchema, options);
    return mapPages(pages, toGroup);
  }

  async function get(id: string): Promise<Group> {
    return toGroup(await t.request('GET', `/groups/${segment(id)}`, { schema: levelGroupSchema }));
  }

  async function update(id: string, changes: GroupChanges): Promise<Group> {
    const body = definedOnly({ name: changes.name, parent_id: changes.parentId });
    return toGroup(await t.request('PATCH', `/groups/${segment(id)}`, { body, schema: levelGroupSchema }));
  }

  async function sendDevices(
    method: 'POST' | 'DELETE',
    id: string,
    deviceIds: readonly string[],
  ): Promise<void> {
    for (const chunk of chunkIds(deviceIds)) {
      // Assigning or removing the same devices twice leaves the same state, so retries are safe.
      await t.request(method, `/groups/${segment(id)}/devices`, {
        body: { device_ids: chunk },
        schema: z.unknown(),
        idempotent: true,
      });
    }
  }

  return {
    list,
    listAll: (filters: GroupListFilters = {}, options: ListOptions = {}) => collect(list(filters, options)),
    get,
    async create(input: GroupCreate): Promise<Group> {
      const body = definedOnly({ name: input.name, parent_id: input.parentId });
      return toGroup(await t.request('POST', '/groups', { body, schema: levelGroupSchema }));
    },
    update,
    /** Renames in place: reads the current parent and resends it, so the group does not move. */
    async rename(id: string, name: string): Promise<Group> {
      const current = await get(id);
      return update(id, { name, parentId: current.parentId });
    },
    async delete(id: string): Promise<void> {
      await t.request('DELETE', `/groups/${segment(id)}`, { schema: z.unknown() });
    },
    addDevices: (id: string, deviceIds: readonly string[]) => sendDevices('POST', id, deviceIds),
    removeDevices: (id: string, deviceIds: readonly string[]) => sendDevices('DELETE', id, deviceIds),
  };
}

export type GroupsEndpoints = ReturnType<typeof groupsEndpoints>;
