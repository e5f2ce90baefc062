import 'server-only';

// Public surface of the Level client. Domain types live in `@/lib/domain/level`.
export { collectAll, createLevelClient, type LevelClient, type LevelClientOptions } from '@/lib/level/client';
export type { AlertListFilters } from '@/lib/level/endpoints/alerts';
export {
  ALL_DEVICE_INCLUDES,
  type DeviceChanges,
  type DeviceIncludes,
  type DeviceListFilters,
  type DeviceListOptions,
} from '@/lib/level/endpoints/devices';
export type { GroupChanges, GroupCreate, GroupListFilters } from '@/lib/level/endpoints/groups';
export { BULK_CHUNK_SIZE, type ListOptions } from '@/lib/level/endpoints/shared';
export type { TagListFilters } from '@/lib/level/endpoints/tags';
export type { UpdateListFilters } from '@/lib/level/endpoints/updates';
export {
  LevelApiError,
  LevelForbiddenError,
  LevelInvalidResponseError,
  LevelNotFoundError,
  LevelRateLimitedError,
  LevelUnauthorizedError,
  LevelUpstreamError,
  LevelValidationError,
  describeLevelError,
  isLevelApiError,
  type LevelErrorKind,
} from '@/lib/level/errors';
export { MAX_PAGE_SIZE, type PaginateOptions } from '@/lib/level/pagination';
export type { RequestGateState } from '@/lib/level/request-gate';
export type { HttpMethod, LevelLogger, RequestInfo, RequestOptions } from '@/lib/level/transport';
export { webhookAlert, webhookDevice, webhookGroup } from '@/lib/level/webhook-resources';
