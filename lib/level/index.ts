import 'server-only';

// Public surface of the Level client. Domain types live in `@/lib/domain/level`.
export { createLevelClient, collectAll, type LevelClient, type LevelClientOptions } from '@/lib/level/client';
export {
  ALL_DEVICE_INCLUDES,
  type DeviceChanges,
  type DeviceIncludes,
  type DeviceListFilters,
  type DeviceListOptions,
} from '@/lib/level/endpoints/devices';
export type { GroupChanges, GroupCreate, GroupListFilters } from '@/lib/level/endpoints/groups';
export type { AlertListFilters } from '@/lib/level/endpoints/alerts';
export type { TagListFilters } from '@/lib/level/endpoints/tags';
export type {
  CustomFieldChanges,
  CustomFieldCreate,
  CustomFieldValueDelete,
  CustomFieldValueFilters,
  CustomFieldValueSet,
} from '@/lib/level/endpoints/custom-fields';
export type { UpdateListFilters } from '@/lib/level/endpoints/updates';
export type { ActivityListOptions } from '@/lib/level/endpoints/activities';
export { BULK_CHUNK_SIZE, type ListOptions } from '@/lib/level/endpoints/shared';
export {
  describeLevelError,
  isLevelApiError,
  LevelApiError,
  LevelForbiddenError,
  LevelInvalidResponseError,
  LevelNotFoundError,
  LevelRateLimitedError,
  LevelUnauthorizedError,
  LevelUpstreamError,
  LevelValidationError,
  type LevelErrorKind,
} from '@/lib/level/errors';
export { MAX_PAGE_SIZE, type PaginateOptions } from '@/lib/level/pagination';
export type { RequestGateState } from '@/lib/level/request-gate';
export type { HttpMethod, LevelLogger, RequestInfo, RequestOptions } from '@/lib/level/transport';
