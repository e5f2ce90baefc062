import type { Update } from '@/lib/domain/update';
import { mapPages, type LevelTransport, type ListOptions } from '@/lib/level/endpoints/shared';
import { toUpdate } from '@/lib/level/mappers/resources';
import { collect } from '@/lib/level/pagination';
import { levelUpdateSchema } from '@/lib/level/schemas/update';
import { segment } from '@/lib/level/url';
import 'server-only';

export interface UpdateListFilters {
  deviceId?: string;
  /** `available` = pending, `installed` = done. */
  status?: 'available' | 'installed';
  /** Free text, e.g. `Security Updates`. */
  category?: string;
}

export function updatesEndpoints(t: LevelTransport) {
  function list(filters: UpdateListFilters = {}, options: ListOptions = {}): AsyncGenerator<Update> {
    const query = { device_id: filters.deviceId, status: filters.status, category: filters.category };
    return mapPages(t.paginate('/updates', query, levelUpdateSchema, options), toUpdate);
  }

  return {
    list,
    listAll: (filters: UpdateListFilters = {}, options: ListOptions = {}) => collect(list(filters, options)),
    async get(id: string): Promise<Update> {
      return toUpdate(await t.request('GET', `/updates/${segment(id)}`, { schema: levelUpdateSchema }));
    },
  };
}

export type UpdatesEndpoints = ReturnType<typeof updatesEndpoints>;
