import type { Alert } from '@/lib/domain/alert';
import { mapPages, type LevelTransport, type ListOptions } from '@/lib/level/endpoints/shared';
import { toAlert } from '@/lib/level/mappers/resources';
import { collect } from '@/lib/level/pagination';
import { levelAlertSchema } from '@/lib/level/schemas/alert';
import { segment } from '@/lib/level/url';
import 'server-only';

export interface AlertListFilters {
  /** Omitted: both active and resolved alerts. */
  status?: 'active' | 'resolved';
  deviceId?: string;
}

export function alertsEndpoints(t: LevelTransport) {
  function list(filters: AlertListFilters = {}, options: ListOptions = {}): AsyncGenerator<Alert> {
    const query = { status: filters.status, device_id: filters.deviceId };
    return mapPages(t.paginate('/alerts', query, levelAlertSchema, options), toAlert);
  }

  return {
    list,
    listAll: (filters: AlertListFilters = {}, options: ListOptions = {}) => collect(list(filters, options)),
    async get(id: string): Promise<Alert> {
      return toAlert(await t.request('GET', `/alerts/${segment(id)}`, { schema: levelAlertSchema }));
    },
    /** Resolving an already-resolved alert is a no-op at Level, so this may be retried. */
    async resolve(id: string): Promise<Alert> {
      const raw = await t.request('POST', `/alerts/${segment(id)}/resolve`, {
        schema: levelAlertSchema,
        idempotent: true,
      });
      return toAlert(raw);
    },
  };
}

export type AlertsEndpoints = ReturnType<typeof alertsEndpoints>;
